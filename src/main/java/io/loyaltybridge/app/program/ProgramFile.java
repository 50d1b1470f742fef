package io.loyaltybridge.app.program;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.loyaltybridge.domain.Violation;
import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.program.CalendarPeriod;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.contests.Leaderboard;
import io.loyaltybridge.domain.program.earning.Cashback;
import io.loyaltybridge.domain.program.earning.FixedRates;
import io.loyaltybridge.domain.program.expiry.Expiry;
import io.loyaltybridge.domain.program.grants.EventRule;
import io.loyaltybridge.domain.program.grants.Partner;
import io.loyaltybridge.domain.program.jobs.Jobs;
import io.loyaltybridge.domain.program.referrals.Referral;
import io.loyaltybridge.domain.program.rewards.Reward;
import io.loyaltybridge.domain.program.segments.Cltv;
import org.quartz.CronExpression;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code config/program.yaml} into a {@link Program}. Everything is checked before the program is used, and
 * every problem is reported at once with its path; any problem makes loading fail, so the application does not start
 * with rules the integrator did not mean. The program's version is a hash of the file's bytes: any edit, even to a
 * comment, is a new version, and the same file always gives the same version.
 */
public final class ProgramFile {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final BigDecimal ZERO = BigDecimal.ZERO;

    private ProgramFile() {
    }

    public static Program load(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the program file " + file, e);
        }
    }

    /** @throws ProgramFileException listing every problem when the content is not a valid program */
    public static Program parse(byte[] content, String source) {
        List<Violation> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ProgramFileException(source, List.of(new Violation("(file)",
                    "is not valid YAML" + where + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new ProgramFileException(source, List.of(new Violation("(file)", "must be a YAML mapping")));
        }
        Program program = read(new Section(root, "", problems), versionOf(content), problems);
        if (!problems.isEmpty()) {
            throw new ProgramFileException(source, problems);
        }
        return program;
    }

    /** {@code sha256:} and the first 12 hex digits of the SHA-256 of the file's bytes. */
    public static String versionOf(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Program read(Section root, String version, List<Violation> problems) {
        long schema = root.whole("schemaVersion", true, SCHEMA_VERSION, 1, Integer.MAX_VALUE);
        if (schema != SCHEMA_VERSION) {
            root.problem("schemaVersion", "this LoyaltyBridge reads schema version " + SCHEMA_VERSION);
        }
        String name = root.text("name", true, "program");
        ZoneId zone = zone(root);
        String currency = root.text("currency", true, "EUR");
        if (!CurrencyCode.isKnown(currency)) {
            root.problem("currency", "must be an ISO 4217 currency code such as EUR");
            currency = "EUR";
        }
        var rates = currencies(root, currency);
        var reporting = ReportingSection.read(root, currency);
        var earning = ProgramSections.earning(root.object("earning", true));
        var cashback = cashback(root.object("cashback", false));
        var rewards = rewards(root.objects("rewards", false));
        var expiry = expiry(root.object("expiry", true));
        var tiers = ProgramSections.tiers(root.object("tiers", true));
        var referral = referral(root.object("referral", false));
        var partners = partners(root.objects("partners", false));
        var badges = ProgramSections.badges(root.objects("badges", false));
        var leaderboard = leaderboard(root.object("leaderboard", false));
        var segments = ProgramSections.segments(root.object("segments", false));
        var cltv = cltv(root.object("cltv", false));
        var offers = ProgramSections.offers(root.objects("offers", false));
        var events = events(root.objects("events", false));
        var jobs = jobs(root.object("jobs", true));
        var feedback = FeedbackSection.read(root.object("feedback", false));
        var contests = ContestSections.contests(root.objects("contests", false), zone);
        root.done();
        Program program = new Program(version, name, zone, new CurrencyCode(currency), earning, cashback, rewards,
                expiry, tiers, referral, partners, badges, leaderboard, segments, cltv, offers, events, jobs, rates,
                reporting, feedback, contests);
        References.check(program, problems);
        return program;
    }

    private static ZoneId zone(Section root) {
        String text = root.text("timeZone", true, "UTC");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            root.problem("timeZone", "must be a time zone id such as Europe/Paris");
            return ZoneId.of("UTC");
        }
    }

    private static Cashback cashback(Section s) {
        boolean enabled = s.flag("enabled", false);
        BigDecimal percent = s.decimal("percent", enabled, ZERO, ZERO, false);
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            s.problem("percent", "must be at most 100");
        }
        long minimum = s.whole("minimumRedeemMinor", false, 0, 0, Long.MAX_VALUE);
        s.done();
        return new Cashback(enabled, percent, minimum);
    }

    private static List<Reward> rewards(List<Section> items) {
        List<Reward> rewards = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Section r : items) {
            String id = ProgramSections.unique(r, ids);
            rewards.add(new Reward(id, r.text("name", true, id), r.choice("account", Account.class, false,
                    Account.POINTS), r.whole("cost", true, 1, 1, Long.MAX_VALUE), r.text("grants", true, ""),
                    ProgramSections.set(r.texts("tiers"))));
            r.done();
        }
        return rewards;
    }

    private static Expiry expiry(Section s) {
        Expiry.ExpiryModel model = s.choice("model", Expiry.ExpiryModel.class, true, Expiry.ExpiryModel.NEVER);
        boolean byMonths = model == Expiry.ExpiryModel.FIXED_MONTHS || model == Expiry.ExpiryModel.AFTER_LAST_ACTIVITY;
        boolean byPeriod = model == Expiry.ExpiryModel.END_OF_PERIOD;
        int months = (int) (byMonths ? s.whole("months", true, 12, 1, 240) : 0);
        CalendarPeriod period = byPeriod ? s.choice("period", CalendarPeriod.class, true, CalendarPeriod.YEAR)
                : CalendarPeriod.YEAR;
        int extra = (int) (byPeriod ? s.whole("extraPeriods", false, 0, 0, 100) : 0);
        int warn = (int) s.whole("warnDays", false, 30, 1, 3660);
        int remind = (int) s.whole("reminderDays", false, Expiry.DEFAULT_REMINDER_DAYS, 1, 3660);
        s.done();
        return new Expiry(model, months, period, extra, warn, remind);
    }

    private static Referral referral(Section s) {
        boolean enabled = s.flag("enabled", false);
        Referral referral = new Referral(enabled, s.whole("referrerBonus", enabled, 0, 0, 10_000_000),
                s.whole("refereeBonus", enabled, 0, 0, 10_000_000), s.decimal("minimumOrder", false, ZERO, ZERO,
                false));
        s.done();
        return referral;
    }

    private static List<Partner> partners(List<Section> items) {
        List<Partner> partners = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Section p : items) {
            String id = ProgramSections.unique(p, ids);
            partners.add(new Partner(id, p.text("name", true, id), p.decimal("pointsPerUnit", true, BigDecimal.ONE,
                    ZERO, true)));
            p.done();
        }
        return partners;
    }

    private static Leaderboard leaderboard(Section s) {
        Leaderboard board = new Leaderboard(s.choice("period", CalendarPeriod.class, false, CalendarPeriod.MONTH),
                (int) s.whole("size", false, 10, 1, 1000));
        s.done();
        return board;
    }

    /** {@code currencies:} ISO code to program units per unit; each problem is named by its code's path. */
    private static FixedRates currencies(Section root, String programCurrency) {
        Map<CurrencyCode, BigDecimal> rates = new LinkedHashMap<>();
        root.decimals("currencies", ZERO).forEach((code, rate) -> {
            if (!CurrencyCode.isKnown(code)) {
                root.problem("currencies." + code, "must be an ISO 4217 currency code such as USD");
            } else if (code.equals(programCurrency)) {
                root.problem("currencies." + code, "is the program currency itself, which always counts at 1");
            } else if (rate.signum() == 0) {
                root.problem("currencies." + code, "must be greater than 0");
            } else {
                rates.put(new CurrencyCode(code), rate);
            }
        });
        return new FixedRates(rates);
    }

    private static Cltv cltv(Section s) {
        Cltv cltv = new Cltv(s.decimal("lifetimeYears", false, new BigDecimal("3"), ZERO, true),
                (int) s.whole("minimumObservedDays", false, 90, 1, 3660));
        s.done();
        return cltv;
    }

    private static List<EventRule> events(List<Section> items) {
        List<EventRule> events = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Section e : items) {
            String name = e.text("name", true, "event" + events.size());
            if (!names.add(name)) {
                e.problem("name", "duplicates another event's name");
            }
            long limit = e.whole("maxPerMember", false, -1, 1, Integer.MAX_VALUE);
            events.add(new EventRule(name, e.whole("points", true, 1, 1, 10_000_000), limit < 0 ? null : (int) limit,
                    e.text("description", true, name)));
            e.done();
        }
        return events;
    }

    private static Jobs jobs(Section s) {
        Jobs jobs = new Jobs(cron(s, "expiry"), cron(s, "tierAssessment"), cron(s, "segmentsAndCltv"),
                cron(s, "birthdayBonus"), cron(s, "pendingRelease"), s.has("contestClose") ? cron(s, "contestClose")
                : Jobs.CONTEST_CLOSE_DEFAULT);
        s.done();
        return jobs;
    }

    private static String cron(Section s, String key) {
        String expression = s.text(key, true, null);
        if (expression != null && !CronExpression.isValidExpression(expression)) {
            s.problem(key, "is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week,"
                    + " e.g. \"0 0 2 * * ?\")");
        }
        return expression;
    }
}

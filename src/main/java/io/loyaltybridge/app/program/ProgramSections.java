package io.loyaltybridge.app.program;

import io.loyaltybridge.domain.program.badges.Badge;
import io.loyaltybridge.domain.program.earning.Campaign;
import io.loyaltybridge.domain.program.earning.Earning;
import io.loyaltybridge.domain.program.segments.CustomSegment;
import io.loyaltybridge.domain.program.segments.Offer;
import io.loyaltybridge.domain.program.segments.Segments;
import io.loyaltybridge.domain.program.tiers.DowngradeRisk;
import io.loyaltybridge.domain.program.tiers.Tiers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Readers of the larger sections of the program file. Cross-section references are checked by ProgramFile. */
final class ProgramSections {
    private static final BigDecimal ZERO = BigDecimal.ZERO;

    private ProgramSections() {
    }

    static Earning earning(Section s) {
        BigDecimal perUnit = s.decimal("pointsPerUnit", true, BigDecimal.ONE, ZERO, true);
        RoundingMode rounding = s.choice("rounding", RoundingMode.class, false, RoundingMode.FLOOR);
        if (rounding == RoundingMode.UNNECESSARY) {
            s.problem("rounding", "unnecessary would fail on any fraction of a point; pick floor, half_up ...");
            rounding = RoundingMode.FLOOR;
        }
        BigDecimal minimum = s.decimal("minimumOrder", false, ZERO, ZERO, false);
        int window = (int) s.whole("returnWindowDays", false, 0, 0, 365);
        var categories = s.decimals("categoryMultipliers", ZERO);
        var skus = s.decimals("skuMultipliers", ZERO);
        List<Campaign> campaigns = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Section c : s.objects("campaigns", false)) {
            String id = unique(c, ids);
            String name = c.text("name", true, id);
            var from = c.date("from", true);
            var to = c.date("to", true);
            if (from != null && to != null && to.isBefore(from)) {
                c.problem("to", "must not be before from");
            }
            BigDecimal multiplier = c.decimal("multiplier", false, null, ZERO, false);
            long bonus = c.whole("bonusPoints", false, 0, 0, 10_000_000);
            if (multiplier == null && bonus == 0) {
                c.problem(null, "a campaign needs a multiplier, bonusPoints or both");
            }
            long cap = c.whole("perMemberCap", false, -1, 1, Long.MAX_VALUE);
            campaigns.add(new Campaign(id, name, from, to, multiplier, bonus, set(c.texts("tiers")),
                    set(c.texts("segments")), cap < 0 ? null : cap));
            c.done();
        }
        s.done();
        return new Earning(perUnit, rounding, minimum, categories, skus, window, campaigns);
    }

    static Tiers tiers(Section s) {
        Tiers.Basis basis = s.choice("basis", Tiers.Basis.class, true, Tiers.Basis.POINTS);
        Tiers.Window window = s.choice("window", Tiers.Window.class, true, Tiers.Window.CALENDAR_YEAR);
        int months = (int) s.whole("rollingMonths", window == Tiers.Window.ROLLING, 12, 1, 120);
        int grace = (int) s.whole("graceDays", false, 0, 0, 3650);
        Tiers.Downgrade downgrade = s.choice("downgrade", Tiers.Downgrade.class, false, Tiers.Downgrade.ONE_LEVEL);
        List<Tiers.TierLevel> levels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        BigDecimal previous = null;
        for (Section l : s.objects("levels", true)) {
            String name = l.text("name", true, "level" + levels.size());
            if (!names.add(name)) {
                l.problem("name", "duplicates another level's name");
            }
            BigDecimal threshold = l.decimal("threshold", true, ZERO, ZERO, false);
            if (levels.isEmpty() && threshold.signum() != 0) {
                l.problem("threshold", "the first level must have threshold 0 so every member has a tier");
            } else if (previous != null && threshold.compareTo(previous) <= 0) {
                l.problem("threshold", "must be greater than the previous level");
            }
            previous = threshold;
            levels.add(new Tiers.TierLevel(name, threshold, l.decimal("multiplier", false, BigDecimal.ONE, ZERO,
                    false)));
            l.done();
        }
        if (levels.isEmpty()) {
            s.problem("levels", "needs at least one level");
            levels.add(new Tiers.TierLevel("member", ZERO, BigDecimal.ONE));
        }
        Tiers.Vip vip = null;
        if (s.has("vip")) {
            Section v = s.object("vip", false);
            String tier = v.text("tier", true, null);
            Tiers.VipMode mode = v.choice("mode", Tiers.VipMode.class, true, Tiers.VipMode.FLOOR);
            if (tier != null && !names.contains(tier)) {
                v.problem("tier", "names no level (levels: " + String.join(", ", levelNames(levels)) + ")");
            }
            vip = tier == null ? null : new Tiers.Vip(tier, mode);
            v.done();
        }
        DowngradeRisk.Rule risk = DowngradeRisk.Rule.DEFAULT;
        if (s.has("downgradeRisk")) {
            Section r = s.object("downgradeRisk", false);
            risk = new DowngradeRisk.Rule((int) r.whole("highWithinDays", false, risk.highWithinDays(), 0, 3650));
            r.done();
        }
        s.done();
        return new Tiers(basis, window, months, grace, downgrade, levels, vip, risk);
    }

    static Segments segments(Section s) {
        Section churn = s.object("churn", false);
        BigDecimal medium = churn.decimal("mediumRatio", false, new BigDecimal("1.5"), ZERO, true);
        BigDecimal high = churn.decimal("highRatio", false, new BigDecimal("3"), ZERO, true);
        if (high.compareTo(medium) <= 0) {
            churn.problem("highRatio", "must be greater than mediumRatio");
        }
        churn.done();
        List<CustomSegment> custom = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Section c : s.objects("custom", false)) {
            String name = c.text("name", true, "segment" + custom.size());
            if (!names.add(name)) {
                c.problem("name", "duplicates another custom segment's name");
            }
            if (io.loyaltybridge.domain.program.segments.RfmSegments.ALL.contains(name)) {
                c.problem("name", "is the name of an RFM segment");
            }
            List<CustomSegment.Condition> all = new ArrayList<>();
            for (Section cond : c.objects("all", true)) {
                condition(cond).ifPresent(all::add);
                cond.done();
            }
            if (all.isEmpty() && c.has("all")) {
                c.problem("all", "needs at least one condition");
            }
            custom.add(new CustomSegment(name, all));
            c.done();
        }
        s.done();
        return new Segments(medium, high, custom);
    }

    private static java.util.Optional<CustomSegment.Condition> condition(Section c) {
        String field = c.text("field", true, null);
        boolean numeric = field != null && CustomSegment.NUMBER_FIELDS.contains(field);
        if (field != null && !numeric && !CustomSegment.TEXT_FIELDS.contains(field)) {
            c.problem("field", "must be one of " + String.join(", ", new java.util.TreeSet<>(allFields())));
            field = null;
        }
        CustomSegment.Operator op = c.choice("op", CustomSegment.Operator.class, true, null);
        List<String> values = new ArrayList<>();
        if (op == CustomSegment.Operator.IN) {
            values.addAll(c.texts("values"));
            if (values.isEmpty()) {
                c.problem("values", "op 'in' needs a non-empty list of values");
            }
        } else if (op != null) {
            String value = c.text("value", true, null);
            if (value != null) {
                values.add(value);
            }
        }
        if (field != null && op != null && !numeric && op.numericOnly()) {
            c.problem("op", "'" + op.word() + "' compares numbers, but " + field + " is a text");
        }
        if (numeric) {
            for (String v : values) {
                try {
                    new BigDecimal(v);
                } catch (NumberFormatException e) {
                    c.problem(op == CustomSegment.Operator.IN ? "values" : "value", "must be a number for " + field);
                }
            }
        }
        return field == null || op == null || values.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new CustomSegment.Condition(field, op, values));
    }

    static List<Badge> badges(List<Section> items) {
        List<Badge> badges = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Section b : items) {
            String id = unique(b, ids);
            String name = b.text("name", true, id);
            Section c = b.object("condition", true);
            Badge.Kind kind = c.choice("kind", Badge.Kind.class, true, Badge.Kind.FIRST_ORDER);
            boolean counts = kind == Badge.Kind.ORDER_COUNT || kind == Badge.Kind.MONTH_STREAK;
            boolean spend = kind == Badge.Kind.SPEND_IN_WINDOW;
            int count = (int) (counts ? c.whole("count", true, 1, 1, 1_000_000) : 0);
            BigDecimal amount = spend ? c.decimal("amount", true, BigDecimal.ONE, ZERO, true) : null;
            int days = (int) (spend ? c.whole("days", true, 30, 1, 3660) : 0);
            c.done();
            badges.add(new Badge(id, name, new Badge.Condition(kind, count, amount, days),
                    b.whole("bonusPoints", false, 0, 0, 10_000_000)));
            b.done();
        }
        return badges;
    }

    static List<Offer> offers(List<Section> items) {
        List<Offer> offers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Section o : items) {
            String id = unique(o, ids);
            String reward = o.text("reward", false, null);
            String campaign = o.text("campaign", false, null);
            if ((reward == null) == (campaign == null)) {
                o.problem(null, "an offer names exactly one of reward or campaign");
            }
            Offer.Kind kind = reward != null ? Offer.Kind.REWARD : Offer.Kind.CAMPAIGN;
            offers.add(new Offer(id, kind, reward != null ? reward : campaign, set(o.texts("tiers")),
                    set(o.texts("segments")), set(o.texts("categories")), o.text("message", true, "")));
            o.done();
        }
        return offers;
    }

    static String unique(Section s, Set<String> seen) {
        String id = s.text("id", true, "?" + seen.size());
        if (!seen.add(id)) {
            s.problem("id", "duplicates another id '" + id + "'");
        }
        return id;
    }

    static Set<String> set(List<String> items) {
        return new LinkedHashSet<>(items);
    }

    static List<String> levelNames(List<Tiers.TierLevel> levels) {
        return levels.stream().map(Tiers.TierLevel::name).toList();
    }

    private static Set<String> allFields() {
        Set<String> all = new HashSet<>(CustomSegment.NUMBER_FIELDS);
        all.addAll(CustomSegment.TEXT_FIELDS);
        return all;
    }
}

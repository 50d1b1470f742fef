package io.loyaltybridge.api;

import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.badges.Badge;
import io.loyaltybridge.domain.program.earning.Campaign;
import io.loyaltybridge.domain.program.earning.Cashback;
import io.loyaltybridge.domain.program.earning.Earning;
import io.loyaltybridge.domain.program.expiry.Expiry;
import io.loyaltybridge.domain.program.grants.EventRule;
import io.loyaltybridge.domain.program.referrals.Referral;
import io.loyaltybridge.domain.program.rewards.Reward;
import io.loyaltybridge.domain.program.segments.CustomSegment;
import io.loyaltybridge.domain.program.tiers.Tiers;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The active program as support agents and integrators read it: every section of the program file, values in
 * the file's own words (lower-case choices, plain decimals), with a one-line summary where a sentence helps.
 */
final class ProgramViews {
    private ProgramViews() {
    }

    static Map<String, Object> program(Program p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", p.name());
        view.put("version", p.version());
        view.put("timeZone", p.zone().getId());
        view.put("currency", p.currency().code());
        Map<String, Object> rates = new java.util.TreeMap<>();
        p.rates().perUnit().forEach((code, rate) -> rates.put(code.code(), num(rate)));
        view.put("currencies", rates);
        view.put("earning", earning(p.earning(), p.currency().code()));
        view.put("cashback", cashback(p.cashback()));
        view.put("rewards", p.rewards().stream().map(ProgramViews::reward).toList());
        view.put("expiry", expiry(p.expiry()));
        view.put("tiers", tiers(p.tiers()));
        view.put("referral", referral(p.referral()));
        view.put("partners", p.partners().stream().map(partner -> map("id", partner.id(), "name", partner.name(),
                "pointsPerUnit", num(partner.pointsPerUnit()))).toList());
        view.put("badges", p.badges().stream().map(ProgramViews::badge).toList());
        view.put("leaderboard", p.leaderboard() == null ? null : map("period", word(p.leaderboard().period()),
                "size", p.leaderboard().size()));
        view.put("segments", p.segments() == null ? null : map(
                "churn", map("mediumRatio", num(p.segments().churnMediumRatio()),
                        "highRatio", num(p.segments().churnHighRatio())),
                "custom", p.segments().custom().stream().map(ProgramViews::segment).toList()));
        view.put("cltv", p.cltv() == null ? null : map("lifetimeYears", num(p.cltv().lifetimeYears()),
                "minimumObservedDays", p.cltv().minimumObservedDays()));
        view.put("offers", p.offers().stream().map(o -> map("id", o.id(), word(o.kind()), o.ref(),
                "tiers", sorted(o.tiers()), "segments", sorted(o.segments()), "categories", sorted(o.categories()),
                "message", o.message())).toList());
        view.put("events", p.events().stream().map(ProgramViews::event).toList());
        view.put("jobs", p.jobs() == null ? null : map("expiry", p.jobs().expiry(),
                "tierAssessment", p.jobs().tierAssessment(), "segmentsAndCltv", p.jobs().segmentsAndCltv(),
                "birthdayBonus", p.jobs().birthdayBonus(), "pendingRelease", p.jobs().pendingRelease(),
                "contestClose", p.jobs().contestClose()));
        // The contests themselves, with their state and standings, are at /api/contests.
        view.put("contests", p.contests().stream().map(io.loyaltybridge.domain.program.contests.Contest::name).toList());
        return view;
    }

    static Map<String, Object> reward(Reward r) {
        return map("id", r.id(), "name", r.name(), "account", r.account().wireName(), "cost", r.cost(),
                "grants", r.grants(), "tiers", sorted(r.tiers()));
    }

    private static Map<String, Object> earning(Earning e, String currency) {
        return map("summary", plain(e.pointsPerUnit()) + " points per " + currency + " kept, rounded "
                        + word(e.rounding()) + ", from orders of " + plain(e.minimumOrder()) + " " + currency
                        + (e.returnWindowDays() == 0 ? "; available at once"
                        : "; pending for a " + e.returnWindowDays() + "-day return window"),
                "pointsPerUnit", num(e.pointsPerUnit()), "rounding", word(e.rounding()),
                "minimumOrder", num(e.minimumOrder()), "returnWindowDays", e.returnWindowDays(),
                "categoryMultipliers", plainValues(e.categoryMultipliers()),
                "skuMultipliers", plainValues(e.skuMultipliers()),
                "campaigns", e.campaigns().stream().map(ProgramViews::campaign).toList());
    }

    private static Map<String, Object> campaign(Campaign c) {
        return map("id", c.id(), "name", c.name(), "from", c.from().toString(), "to", c.to().toString(),
                "multiplier", num(c.multiplier()), "bonusPoints", c.bonusPoints(),
                "tiers", sorted(c.tiers()), "segments", sorted(c.segments()), "perMemberCap", c.perMemberCap());
    }

    private static Map<String, Object> cashback(Cashback c) {
        if (c == null || !c.enabled()) {
            return map("enabled", false, "summary", "no cashback");
        }
        return map("enabled", true, "percent", num(c.percent()), "minimumRedeemMinor", c.minimumRedeemMinor(),
                "summary", plain(c.percent()) + "% of what the customer kept, in minor units; redeemable from "
                        + c.minimumRedeemMinor());
    }

    private static Map<String, Object> expiry(Expiry e) {
        String summary = switch (e.model()) {
            case NEVER -> "points never expire";
            case FIXED_MONTHS -> "points expire " + e.months() + " months after they were earned";
            case AFTER_LAST_ACTIVITY -> "points expire " + e.months() + " months after the last earn or redemption";
            case END_OF_PERIOD -> "points expire at the end of the " + word(e.period()) + (e.extraPeriods() == 0
                    ? " they were earned in" : ", " + e.extraPeriods() + " " + word(e.period()) + "(s) later");
        };
        return map("model", word(e.model()), "months", e.months(), "period", word(e.period()),
                "extraPeriods", e.extraPeriods(), "warnDays", e.warnDays(), "reminderDays", e.reminderDays(),
                "summary", summary);
    }

    private static Map<String, Object> tiers(Tiers t) {
        return map("basis", word(t.basis()), "window", word(t.window()), "rollingMonths", t.rollingMonths(),
                "graceDays", t.graceDays(), "downgrade", word(t.downgrade()),
                "levels", t.levels().stream().map(l -> map("name", l.name(), "threshold", num(l.threshold()),
                        "multiplier", num(l.multiplier()))).toList(),
                "vip", t.vip() == null ? null : map("tier", t.vip().tier(), "mode", word(t.vip().mode())));
    }

    private static Map<String, Object> referral(Referral r) {
        if (r == null) {
            return map("enabled", false);
        }
        return map("enabled", r.enabled(), "referrerBonus", r.referrerBonus(), "refereeBonus", r.refereeBonus(),
                "minimumOrder", num(r.minimumOrder()));
    }

    private static Map<String, Object> badge(Badge b) {
        Badge.Condition c = b.condition();
        String condition = switch (c.kind()) {
            case FIRST_ORDER -> "the first order";
            case ORDER_COUNT -> c.count() + " orders";
            case SPEND_IN_WINDOW -> plain(c.amount()) + " spent within " + c.days() + " days";
            case MONTH_STREAK -> "an order in each of " + c.count() + " calendar months in a row";
        };
        return map("id", b.id(), "name", b.name(), "condition", condition, "bonusPoints", b.bonusPoints());
    }

    private static Map<String, Object> segment(CustomSegment s) {
        return map("name", s.name(), "all", s.all().stream()
                .map(c -> c.field() + " " + c.op().word() + " " + String.join(", ", c.values())).toList());
    }

    private static Map<String, Object> event(EventRule e) {
        return map("name", e.name(), "points", e.points(), "maxPerMember", e.maxPerMember(),
                "description", e.description());
    }

    /** A map of alternating keys and values, in that order. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String word(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** A decimal written as a plain JSON number (1.25, 10000), never in exponent form. */
    private static BigDecimal num(BigDecimal value) {
        return value == null ? null : new BigDecimal(plain(value));
    }

    private static Map<String, BigDecimal> plainValues(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> plain = new java.util.TreeMap<>();
        values.forEach((key, value) -> plain.put(key, num(value)));
        return plain;
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }
}

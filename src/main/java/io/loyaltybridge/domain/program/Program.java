package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.program.badges.Badge;
import io.loyaltybridge.domain.program.contests.Contest;
import io.loyaltybridge.domain.program.contests.Leaderboard;
import io.loyaltybridge.domain.program.earning.Campaign;
import io.loyaltybridge.domain.program.earning.Cashback;
import io.loyaltybridge.domain.program.earning.Earning;
import io.loyaltybridge.domain.program.earning.FixedRates;
import io.loyaltybridge.domain.program.expiry.Expiry;
import io.loyaltybridge.domain.program.grants.EventRule;
import io.loyaltybridge.domain.program.grants.Partner;
import io.loyaltybridge.domain.program.jobs.Jobs;
import io.loyaltybridge.domain.program.referrals.Referral;
import io.loyaltybridge.domain.program.rewards.Reward;
import io.loyaltybridge.domain.program.segments.Cltv;
import io.loyaltybridge.domain.program.segments.Offer;
import io.loyaltybridge.domain.program.segments.Segments;
import io.loyaltybridge.domain.program.tiers.Tiers;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole loyalty program as an integrator declared it in {@code config/program.yaml}. Immutable: a changed file is a
 * new program with a new {@link #version()}, so entries written under the old rules keep naming them.
 *
 * @param version  the rule version stamped on every ledger entry (the loader uses a hash of the file's content)
 * @param zone     the program's time zone: calendar days, birthdays, campaign dates and period ends are read in it
 * @param currency the currency spend is counted in; cashback is kept in its minor units
 * @param rates    fixed rates of the other currencies the program counts (none: only its own counts)
 * @param reporting what a point is worth and the locale figures are written in
 * @param feedback  what an answered survey earns (never by its score), and the detractors' window
 * @param contests time-bound competitions with prizes (none: the program runs no contest)
 */
public record Program(String version, String name, ZoneId zone, CurrencyCode currency, Earning earning,
                      Cashback cashback, List<Reward> rewards, Expiry expiry, Tiers tiers, Referral referral,
                      List<Partner> partners, List<Badge> badges, Leaderboard leaderboard, Segments segments,
                      Cltv cltv, List<Offer> offers, List<EventRule> events, Jobs jobs, FixedRates rates,
                      Reporting reporting, FeedbackRules feedback, List<Contest> contests) {
    public Program {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(earning, "earning");
        Objects.requireNonNull(tiers, "tiers");
        rewards = List.copyOf(rewards);
        partners = List.copyOf(partners);
        badges = List.copyOf(badges);
        offers = List.copyOf(offers);
        events = List.copyOf(events);
        rates = rates == null ? FixedRates.NONE : rates;
        reporting = reporting == null ? Reporting.DEFAULT : reporting;
        feedback = feedback == null ? FeedbackRules.NONE : feedback;
        contests = contests == null ? List.of() : List.copyOf(contests);
    }

    /** A program without contests. */
    public Program(String version, String name, ZoneId zone, CurrencyCode currency, Earning earning,
                   Cashback cashback, List<Reward> rewards, Expiry expiry, Tiers tiers, Referral referral,
                   List<Partner> partners, List<Badge> badges, Leaderboard leaderboard, Segments segments,
                   Cltv cltv, List<Offer> offers, List<EventRule> events, Jobs jobs, FixedRates rates,
                   Reporting reporting, FeedbackRules feedback) {
        this(version, name, zone, currency, earning, cashback, rewards, expiry, tiers, referral, partners, badges,
                leaderboard, segments, cltv, offers, events, jobs, rates, reporting, feedback, List.of());
    }

    /** A program with the default reporting (no point value, English) and no feedback section (answers are
     * stored, not rewarded). */
    public Program(String version, String name, ZoneId zone, CurrencyCode currency, Earning earning,
                   Cashback cashback, List<Reward> rewards, Expiry expiry, Tiers tiers, Referral referral,
                   List<Partner> partners, List<Badge> badges, Leaderboard leaderboard, Segments segments,
                   Cltv cltv, List<Offer> offers, List<EventRule> events, Jobs jobs, FixedRates rates) {
        this(version, name, zone, currency, earning, cashback, rewards, expiry, tiers, referral, partners, badges,
                leaderboard, segments, cltv, offers, events, jobs, rates, Reporting.DEFAULT, FeedbackRules.NONE,
                List.of());
    }

    /** A program that counts only its own currency. */
    public Program(String version, String name, ZoneId zone, CurrencyCode currency, Earning earning,
                   Cashback cashback, List<Reward> rewards, Expiry expiry, Tiers tiers, Referral referral,
                   List<Partner> partners, List<Badge> badges, Leaderboard leaderboard, Segments segments,
                   Cltv cltv, List<Offer> offers, List<EventRule> events, Jobs jobs) {
        this(version, name, zone, currency, earning, cashback, rewards, expiry, tiers, referral, partners, badges,
                leaderboard, segments, cltv, offers, events, jobs, FixedRates.NONE, Reporting.DEFAULT,
                FeedbackRules.NONE, List.of());
    }

    /** Program units per unit of {@code other}: 1 for the program currency, empty for a currency it does not count. */
    public Optional<BigDecimal> rateOf(CurrencyCode other) {
        return rates.rate(other, currency);
    }

    public Optional<Contest> contest(String name) {
        return contests.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<Reward> reward(String id) {
        return rewards.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<Partner> partner(String id) {
        return partners.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<EventRule> event(String name) {
        return events.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Optional<Campaign> campaign(String id) {
        return earning.campaigns().stream().filter(c -> c.id().equals(id)).findFirst();
    }
}

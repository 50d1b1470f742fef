package io.loyaltybridge.domain.program.tiers;

import io.loyaltybridge.domain.program.DateRange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Tier qualification and assessment.
 * <ul>
 * <li>Upgrades are immediate: {@link #upgrade} after every activity moves the member up as soon as the current
 * window's total reaches a threshold (exactly reaching it is enough).</li>
 * <li>Downgrades only happen in {@link #assess} (the assessment job). It measures the last complete window (for a
 * rolling window: the window ending yesterday) and, to be fair, also the current one. A member below their tier
 * starts a grace period at that first assessment; an assessment on or after its end downgrades them, one level or
 * straight to the qualifying tier as configured. A tier entered after the measured window ended is not judged on
 * it. The new tier is held from the downgrade day, so ONE_LEVEL moves at most one level per window (calendar,
 * anniversary) or per grace period (rolling).</li>
 * <li>A staff tier grant is applied on top of the earned tier while it holds: PIN replaces it, FLOOR keeps the
 * member at least at the granted tier. The earned tier goes on being assessed underneath, and is the tier again
 * the day after the grant's last day.</li>
 * </ul>
 */
public final class TierPolicy {
    private final Tiers rules;
    private final DowngradeRiskPolicy risk;

    public TierPolicy(Tiers rules) {
        this.rules = rules;
        this.risk = new DowngradeRiskPolicy(rules);
    }

    /** The window containing {@code day}. Anniversary windows start on the join day's month and day each year; a
     * Feb 29 joiner's anniversary is Feb 28 in other years. A rolling window ends on {@code day}. */
    public DateRange windowContaining(LocalDate day, LocalDate joinedOn) {
        return switch (rules.window()) {
            case ROLLING -> new DateRange(day.minusMonths(rules.rollingMonths()).plusDays(1), day);
            case CALENDAR_YEAR -> new DateRange(day.withDayOfYear(1), day.withDayOfYear(day.lengthOfYear()));
            case ANNIVERSARY -> {
                LocalDate start = joinedOn.withYear(day.getYear());
                if (start.isAfter(day)) {
                    start = joinedOn.withYear(day.getYear() - 1);
                }
                yield new DateRange(start, joinedOn.withYear(start.getYear() + 1).minusDays(1));
            }
        };
    }

    /** The last window that ended before {@code day}. */
    public DateRange previousWindow(LocalDate day, LocalDate joinedOn) {
        return rules.window() == Tiers.Window.ROLLING ? windowContaining(day.minusDays(1), joinedOn)
                : windowContaining(windowContaining(day, joinedOn).start().minusDays(1), joinedOn);
    }

    public BigDecimal measure(List<Qualifying> activity, DateRange window, LocalDate upTo) {
        return activity.stream().filter(a -> window.contains(a.on()) && !a.on().isAfter(upTo))
                .map(a -> a.amount(rules.basis())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The highest tier whose threshold the amount reaches. */
    public String qualifyingTier(BigDecimal amount) {
        String best = rules.lowest().name();
        for (Tiers.TierLevel level : rules.levels()) {
            if (amount.compareTo(level.threshold()) >= 0) {
                best = level.name();
            }
        }
        return best;
    }

    /** The tier in force on {@code day}: the earned one, with a staff grant that still holds applied on top. */
    public String effectiveTier(TierState state, LocalDate day) {
        TierGrant grant = holding(state, day);
        return grant == null ? state.tier() : grant.apply(state.tier(), rules);
    }

    /** The state's grant if it decides the tier on {@code day}; null when there is none or it lapsed. */
    public static TierGrant holding(TierState state, LocalDate day) {
        return state.grant() != null && state.grant().holdsOn(day) ? state.grant() : null;
    }

    public TierState upgrade(TierState state, List<Qualifying> activity, LocalDate today, LocalDate joinedOn) {
        BigDecimal now = measure(activity, windowContaining(today, joinedOn), today);
        return raise(state, qualifyingTier(now), today);
    }

    public TierState assess(TierState state, List<Qualifying> activity, LocalDate on, LocalDate joinedOn) {
        DateRange measured = previousWindow(on, joinedOn);
        String byCurrent = qualifyingTier(measure(activity, windowContaining(on, joinedOn), on));
        if (state.heldSince().isAfter(measured.end())) {
            return raise(state, byCurrent, on);
        }
        String byPrevious = qualifyingTier(measure(activity, measured, on));
        String qualifies = rank(byPrevious) >= rank(byCurrent) ? byPrevious : byCurrent;
        if (rank(qualifies) >= rank(state.tier())) {
            return raise(state, qualifies, on);
        }
        LocalDate below = state.belowSince() == null ? on : state.belowSince();
        if (on.isBefore(below.plusDays(rules.graceDays()))) {
            return new TierState(state.tier(), state.heldSince(), below, state.grant());
        }
        int target = rules.downgrade() == Tiers.Downgrade.ONE_LEVEL ? rank(state.tier()) - 1 : rank(qualifies);
        return new TierState(rules.levels().get(target).name(), on, null, state.grant());
    }

    public TierStatus status(TierState state, List<Qualifying> activity, LocalDate today, LocalDate joinedOn) {
        TierGrant grant = holding(state, today);
        String tier = effectiveTier(state, today);
        boolean pinned = grant != null && grant.mode() == Tiers.VipMode.PIN;
        DateRange window = windowContaining(today, joinedOn);
        BigDecimal measured = measure(activity, window, today);
        int rank = rank(tier);
        String next = pinned || rank == rules.levels().size() - 1 ? null : rules.levels().get(rank + 1).name();
        BigDecimal toNext = next == null ? null : positive(threshold(next).subtract(measured));
        // A tier held by a grant is kept by the grant, not by earning: it ends the day after the grant's last day.
        boolean byGrant = !tier.equals(state.tier());
        BigDecimal toKeep = byGrant ? BigDecimal.ZERO : positive(threshold(tier).subtract(measured));
        LocalDate expires = byGrant ? (grant.until() == null ? null : grant.until().plusDays(1))
                : expiresOn(state, activity, today, joinedOn, window);
        String projected = projected(state, measured, window, today);
        return new TierStatus(tier, next, toNext, toKeep, projected, expires, measured, window, grant,
                risk.risk(tier, toKeep, projected, expires, today));
    }

    private String projected(TierState state, BigDecimal measured, DateRange window, LocalDate today) {
        BigDecimal atEnd = measured;
        if (rules.window() != Tiers.Window.ROLLING) {
            long elapsed = Math.max(1, ChronoUnit.DAYS.between(window.start(), today) + 1);
            atEnd = measured.multiply(BigDecimal.valueOf(window.days()))
                    .divide(BigDecimal.valueOf(elapsed), MathContext.DECIMAL64);
        }
        String earned = qualifyingTier(atEnd);
        if (rank(earned) < rank(state.tier())) {
            earned = rules.downgrade() == Tiers.Downgrade.ONE_LEVEL
                    ? rules.levels().get(rank(state.tier()) - 1).name() : earned;
        }
        return effectiveTier(new TierState(earned, today, null, state.grant()), window.end());
    }

    private LocalDate expiresOn(TierState state, List<Qualifying> activity, LocalDate today, LocalDate joinedOn,
                                DateRange window) {
        if (rank(state.tier()) == 0) {
            return null;
        }
        if (state.belowSince() != null) {
            return state.belowSince().plusDays(rules.graceDays());
        }
        BigDecimal threshold = threshold(state.tier());
        if (rules.window() == Tiers.Window.ROLLING) {
            // The first assessment day whose window (ending the day before) no longer reaches the threshold.
            LocalDate day = today.plusDays(1);
            LocalDate last = today.plusMonths(rules.rollingMonths()).plusDays(1);
            while (day.isBefore(last) && measure(activity, previousWindow(day, joinedOn), today)
                    .compareTo(threshold) >= 0) {
                day = day.plusDays(1);
            }
            return day.plusDays(rules.graceDays());
        }
        boolean keptThisWindow = measure(activity, window, today).compareTo(threshold) >= 0;
        DateRange judged = keptThisWindow ? windowContaining(window.end().plusDays(1), joinedOn) : window;
        return judged.end().plusDays(1 + (long) rules.graceDays());
    }

    private TierState raise(TierState state, String qualifies, LocalDate on) {
        if (rank(qualifies) > rank(state.tier())) {
            return new TierState(qualifies, on, null, state.grant());
        }
        if (rank(qualifies) == rank(state.tier()) && state.belowSince() != null) {
            return new TierState(state.tier(), state.heldSince(), null, state.grant());
        }
        return state;
    }

    private BigDecimal threshold(String tier) {
        return rules.levels().get(rank(tier)).threshold();
    }

    private int rank(String tier) {
        return rules.rank(tier);
    }

    private static BigDecimal positive(BigDecimal value) {
        return value.signum() < 0 ? BigDecimal.ZERO : value;
    }
}

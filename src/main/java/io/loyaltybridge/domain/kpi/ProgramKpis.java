package io.loyaltybridge.domain.kpi;

import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.segments.CustomSegment;
import io.loyaltybridge.domain.program.segments.RfmSegments;
import io.loyaltybridge.domain.program.tiers.TierPolicy;
import io.loyaltybridge.domain.program.tiers.TierState;
import io.loyaltybridge.domain.program.tiers.Tiers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the program's KPIs: the store aggregates, this class puts every tier, segment and month in order (zeros
 * included, so charts keep a stable shape) and divides.
 */
public final class ProgramKpis {
    /** Activity windows: "active" is a counted order in the last 90 days. */
    public static final Duration ACTIVE_WINDOW = Duration.ofDays(90);
    public static final int MONTHS = 12;

    private final UnitOfWork uow;
    private final KpiQueries queries;
    private final Program program;
    private final Clock clock;

    public ProgramKpis(UnitOfWork uow, KpiQueries queries, Program program, Clock clock) {
        this.uow = uow;
        this.queries = queries;
        this.program = program;
        this.clock = clock;
    }

    public Kpis now() {
        Instant now = clock.instant();
        YearMonth first = YearMonth.now(clock.withZone(program.zone())).minusMonths(MONTHS - 1L);
        Instant from = first.atDay(1).atStartOfDay(program.zone()).toInstant();
        // One transaction: the figures describe one snapshot of the database, not five slightly different ones.
        return uow.inTransaction(() -> {
            List<Kpis.TierCount> tiers = tiers(membersByEffectiveTier());
            List<Kpis.SegmentCount> segments = segments(queries.segmentSizes());
            List<KpiQueries.MonthPoints> months = months(first, queries.pointsByMonth(from, program.zone()));
            KpiQueries.Liability liability = queries.liability();
            KpiQueries.Purchasers buyers = queries.purchasers(now, ACTIVE_WINDOW);
            return new Kpis(now, tiers.stream().mapToLong(Kpis.TierCount::members).sum(), tiers, segments, months,
                    liability, Math.max(0, Currency.getInstance(program.currency().code()).getDefaultFractionDigits()),
                    new Ratio(buyers.repeatBuyers(), buyers.buyers()),
                    new Ratio(buyers.retained(), buyers.activeBefore()), buyers.active());
        });
    }

    /** Members per tier they hold today: the earned tier, or the one a staff grant in force gives them. */
    private Map<String, Long> membersByEffectiveTier() {
        String lowest = program.tiers().lowest().name();
        Map<String, Long> counts = new LinkedHashMap<>(queries.membersByTier(lowest));
        TierPolicy policy = new TierPolicy(program.tiers());
        LocalDate today = clock.instant().atZone(program.zone()).toLocalDate();
        for (TierState state : queries.grantedTierStates(lowest)) {
            counts.merge(policy.effectiveTier(state, today), 1L, Long::sum);
        }
        return counts;
    }

    /** Program order, lowest first; a stored tier the program no longer declares is kept, after the others. */
    private List<Kpis.TierCount> tiers(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        program.tiers().levels().stream().map(Tiers.TierLevel::name).forEach(n -> ordered.put(n, 0L));
        ordered.putAll(counts);
        return ordered.entrySet().stream().map(e -> new Kpis.TierCount(e.getKey(), e.getValue())).toList();
    }

    /** Every RFM segment, then every custom one, then any stored name neither list knows. */
    private List<Kpis.SegmentCount> segments(Map<String, Long> counts) {
        List<String> custom = program.segments().custom().stream().map(CustomSegment::name).toList();
        Map<String, Long> ordered = new LinkedHashMap<>();
        RfmSegments.ALL.forEach(n -> ordered.put(n, 0L));
        custom.forEach(n -> ordered.put(n, 0L));
        ordered.putAll(counts);
        return ordered.entrySet().stream()
                .map(e -> new Kpis.SegmentCount(e.getKey(), custom.contains(e.getKey()), e.getValue())).toList();
    }

    private static List<KpiQueries.MonthPoints> months(YearMonth first, List<KpiQueries.MonthPoints> found) {
        Map<YearMonth, KpiQueries.MonthPoints> byMonth = found.stream()
                .collect(Collectors.toMap(KpiQueries.MonthPoints::month, Function.identity()));
        List<KpiQueries.MonthPoints> all = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            YearMonth month = first.plusMonths(i);
            all.add(byMonth.getOrDefault(month, KpiQueries.MonthPoints.none(month)));
        }
        return all;
    }
}

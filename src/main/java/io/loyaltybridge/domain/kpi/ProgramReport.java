package io.loyaltybridge.domain.kpi;

import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.Reporting;
import io.loyaltybridge.domain.program.earning.Campaign;

import java.math.BigDecimal;
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
 * Computes the manager's figures: the store aggregates, this class puts campaigns, rewards and months in the
 * program's order (zeros included) and turns points into money at the declared point value.
 */
public final class ProgramReport {
    /** Orders placed this long after a reward was redeemed are that reward's orders. */
    public static final Duration REWARD_ATTRIBUTION = Duration.ofDays(30);
    /** "Participating" is an earning entry in the last 90 days, the same window as "active". */
    public static final Duration PARTICIPATION_WINDOW = ProgramKpis.ACTIVE_WINDOW;

    private final UnitOfWork uow;
    private final KpiQueries kpis;
    private final ReportQueries queries;
    private final Program program;
    private final Clock clock;

    public ProgramReport(UnitOfWork uow, KpiQueries kpis, ReportQueries queries, Program program, Clock clock) {
        this.uow = uow;
        this.kpis = kpis;
        this.queries = queries;
        this.program = program;
        this.clock = clock;
    }

    public Report now() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        YearMonth thisMonth = YearMonth.from(today);
        YearMonth firstPast = thisMonth.minusMonths(ProgramKpis.MONTHS - 1L);
        Instant movesFrom = firstPast.atDay(1).atStartOfDay(program.zone()).toInstant();
        Reporting reporting = program.reporting();
        int digits = Math.max(0, Currency.getInstance(program.currency().code()).getDefaultFractionDigits());
        // One transaction: every table describes the same snapshot of the ledger.
        return uow.inTransaction(() -> {
            KpiQueries.Liability liability = kpis.liability();
            BigDecimal cashback = BigDecimal.valueOf(liability.cashbackMinor(), digits);
            BigDecimal pointsMoney = reporting.money(liability.points() + liability.pendingPoints());
            Map<YearMonth, Long> expiring = queries.expiringByMonth(today,
                    thisMonth.plusMonths(ProgramKpis.MONTHS).atDay(1));
            List<Report.MonthExpiring> forecast = new ArrayList<>();
            for (int i = 0; i < ProgramKpis.MONTHS; i++) {
                long points = expiring.getOrDefault(thisMonth.plusMonths(i), 0L);
                forecast.add(new Report.MonthExpiring(thisMonth.plusMonths(i), points, reporting.money(points)));
            }
            return new Report(now, program.currency().code(), reporting.pointValue(), liability, cashback,
                    pointsMoney == null ? null : pointsMoney.add(cashback), forecast,
                    moves(firstPast, queries.tierMoves(movesFrom, program.zone())),
                    queries.participation(now.minus(PARTICIPATION_WINDOW)), campaigns(reporting, digits),
                    rewards(reporting, digits));
        });
    }

    private static List<ReportQueries.MonthMoves> moves(YearMonth first, List<ReportQueries.MonthMoves> found) {
        Map<YearMonth, ReportQueries.MonthMoves> byMonth = found.stream()
                .collect(Collectors.toMap(ReportQueries.MonthMoves::month, Function.identity()));
        List<ReportQueries.MonthMoves> all = new ArrayList<>();
        for (int i = 0; i < ProgramKpis.MONTHS; i++) {
            YearMonth month = first.plusMonths(i);
            all.add(byMonth.getOrDefault(month, new ReportQueries.MonthMoves(month, 0, 0)));
        }
        return all;
    }

    /** Every declared campaign in program order, then any stored id the program no longer declares. */
    private List<Report.Campaign> campaigns(Reporting reporting, int digits) {
        Map<String, ReportQueries.CampaignFigures> found = new LinkedHashMap<>();
        program.earning().campaigns().forEach(c -> found.put(c.id(),
                new ReportQueries.CampaignFigures(c.id(), 0, 0, BigDecimal.ZERO, 0)));
        queries.campaigns().forEach(f -> found.put(f.campaign(), f));
        return found.values().stream().map(f -> new Report.Campaign(f.campaign(),
                program.campaign(f.campaign()).map(Campaign::name).orElse(f.campaign()), f.members(), f.orders(),
                money(f.revenue(), digits), f.points(), reporting.money(f.points()))).toList();
    }

    /** Revenue in the currency's digits (orders are stored to four decimals). */
    private static BigDecimal money(BigDecimal amount, int digits) {
        return amount.setScale(digits, java.math.RoundingMode.HALF_UP);
    }

    private List<Report.Reward> rewards(Reporting reporting, int digits) {
        Map<String, ReportQueries.RewardFigures> found = new LinkedHashMap<>();
        program.rewards().forEach(r -> found.put(r.id(), new ReportQueries.RewardFigures(r.id(),
                r.account().wireName(), 0, 0, 0, 0, BigDecimal.ZERO)));
        queries.rewards(REWARD_ATTRIBUTION).forEach(f -> found.put(f.reward(), f));
        return found.values().stream().map(f -> {
            boolean cash = f.account().equals("cashback");
            long points = cash ? 0 : f.amount();
            BigDecimal cashback = BigDecimal.valueOf(cash ? f.amount() : 0, digits);
            BigDecimal pointsCost = reporting.money(points);
            BigDecimal cost = cash ? cashback : pointsCost;
            return new Report.Reward(f.reward(), program.reward(f.reward()).map(r -> r.name()).orElse(f.reward()),
                    f.account(), f.members(), f.redemptions(), points, cashback, f.orders(),
                    money(f.revenue(), digits), cost);
        }).toList();
    }
}

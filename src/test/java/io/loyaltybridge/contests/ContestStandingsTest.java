package io.loyaltybridge.contests;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.contests.Contest;
import io.loyaltybridge.domain.program.contests.ContestStandings;
import io.loyaltybridge.store.PgContestStandings;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standings on a real server against figures the test computes itself from the rows it wrote: random ledger entries,
 * orders and referrals (in and out of the dates, of every kind, account, status and currency), for each measure,
 * the participants filter, the minimum, and ties broken by who reached the value first.
 */
class ContestStandingsTest {
    private static final String CONTESTS = """
            contests:
              - {name: points-all, start: 2026-05-01, end: 2026-05-31, measure: points, prizes: [{rank: 1, points: 1}]}
              - {name: orders-all, start: 2026-05-01, end: 2026-05-31, measure: orders, prizes: [{rank: 1, points: 1}]}
              - name: spend-gold-or-champions
                start: 2026-05-01
                end: 2026-05-31
                measure: spend
                minimum: 20.5
                participants: {tiers: [gold], segments: [champions]}
                prizes: [{rank: 1, points: 1}]
              - {name: referrals-two, start: 2026-05-01, end: 2026-05-31, measure: referrals, minimum: 2,
                 prizes: [{rank: 1, points: 1}]}
              - {name: silver-points, start: 2026-05-01, end: 2026-05-31, measure: points,
                 participants: {tiers: [silver]}, prizes: [{rank: 1, points: 1}]}
            """;
    private static final String[] TIERS = {null, "member", "silver", "gold"};
    private static final String[] ACCOUNTS = {"points", "pending", "cashback", "pending_cashback"};
    private static final String[] KINDS = {"earn", "bonus", "reverse", "adjust", "redeem", "release", "expire"};
    private static final String[] STATUSES = {"completed", "cancelled", "refunded", "partially_refunded"};
    private static final String[] CURRENCIES = {"EUR", "EUR", "USD", "GBP"};

    private static StoreFixture store;
    private static Program program;
    private static PgContestStandings standings;
    private static final List<Long> ids = new ArrayList<>();
    private static final Map<Long, String> tierOf = new HashMap<>();
    private static final Map<Long, String> rfmOf = new HashMap<>();
    private static final Set<Long> erased = new java.util.HashSet<>();
    /** Each measure's contributing rows as the rules define them: member, amount, time, sequence. */
    private static final Map<Contest.Measure, List<Row>> contributions = new HashMap<>();
    private static long silverAnn;
    private static long silverBob;

    private record Row(long member, BigDecimal amount, Instant at, long seq) {
    }

    private record Expected(long member, BigDecimal value, Instant reachedAt) {
    }

    @BeforeAll
    static void world() throws SQLException {
        program = ContestWorld.program(CONTESTS);
        store = new StoreFixture(program, Clock.systemUTC());
        standings = new PgContestStandings(store.transactions, program);
        Random random = new Random(20260507);
        List<Object[]> members = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            members.add(new Object[] {"m" + i + "@example.com", "M" + i});
        }
        ContestWorld.write(store.database.dataSource(), "INSERT INTO members (email, first_name) VALUES (?, ?)", members);
        try (Connection c = store.database.dataSource().getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT id FROM members ORDER BY id")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        List<Object[]> tiers = new ArrayList<>();
        List<Object[]> segments = new ArrayList<>();
        for (long id : ids) {
            String tier = TIERS[random.nextInt(TIERS.length)];
            if (tier != null && id > ids.get(1)) {
                tierOf.put(id, tier);
                tiers.add(new Object[] {id, tier});
            }
            if (random.nextInt(4) == 0) {
                rfmOf.put(id, "champions");
                segments.add(new Object[] {id, "champions"});
            } else if (random.nextInt(3) == 0) {
                segments.add(new Object[] {id, "loyal"});
            }
            if (random.nextInt(15) == 0) {
                erased.add(id);
            }
        }
        // The first two members are the hand-made tie: silver, the same 100 points, reached at different times.
        silverAnn = ids.get(0);
        silverBob = ids.get(1);
        tierOf.put(silverAnn, "silver");
        tierOf.put(silverBob, "silver");
        tiers.add(new Object[] {silverAnn, "silver"});
        tiers.add(new Object[] {silverBob, "silver"});
        erased.remove(silverAnn);
        erased.remove(silverBob);
        ContestWorld.write(store.database.dataSource(),
                "INSERT INTO member_tiers (member_id, tier, held_since) VALUES (?, ?, '2026-01-01')", tiers);
        ContestWorld.write(store.database.dataSource(),
                "INSERT INTO member_segments (member_id, rfm_segment) VALUES (?, ?)", segments);
        ContestWorld.write(store.database.dataSource(), "UPDATE members SET erased_at = now() WHERE id = ?",
                erased.stream().map(id -> new Object[] {id}).toList());
        ledger(random);
        orders(random);
        referrals(random);
    }

    private static Instant someTime(Random random) {
        // From six days before the start to five days after the end, on whole seconds.
        long from = ContestWorld.START.getEpochSecond() - 6 * 86_400L;
        long to = ContestWorld.END.getEpochSecond() + 5 * 86_400L;
        return Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
    }

    private static boolean inDates(Instant at) {
        return !at.isBefore(ContestWorld.START) && at.isBefore(ContestWorld.END);
    }

    private static void ledger(Random random) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        Instant early = Instant.parse("2026-05-02T10:00:00Z");
        // Ann reaches 100 on 2 May, rises to 150, and a reversal on 20 May brings her back to 100;
        // Bob reaches 100 on 10 May. Ann reached it first, so she ranks above Bob although her last row is later.
        rows.add(entry(silverAnn, "points", 100, "earn", "shop", early));
        rows.add(entry(silverAnn, "points", 50, "bonus", "shop", Instant.parse("2026-05-03T10:00:00Z")));
        rows.add(entry(silverAnn, "points", -50, "reverse", "shop", Instant.parse("2026-05-20T10:00:00Z")));
        rows.add(entry(silverBob, "pending", 100, "earn", "shop", Instant.parse("2026-05-10T10:00:00Z")));
        for (long member : ids.subList(2, ids.size())) {
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                long points = (random.nextInt(5) == 0 ? -1 : 1) * (1 + random.nextInt(300));
                String source = random.nextInt(10) == 0 ? Contest.PRIZE_SOURCE : "shop";
                rows.add(entry(member, ACCOUNTS[random.nextInt(ACCOUNTS.length)], points,
                        KINDS[random.nextInt(KINDS.length)], source, someTime(random)));
            }
            if (random.nextInt(6) == 0) {
                // Ties on purpose: the same points at the same moment as Ann's first row.
                rows.add(entry(member, "points", 100, "earn", "shop", early));
            }
        }
        ContestWorld.write(store.database.dataSource(), "INSERT INTO ledger_entries (member_id, account, points, kind,"
                + " reason, source_system, rule_version, created_at, effective_at, operation_key)"
                + " VALUES (?, ?, ?, ?, 'test', ?, 'v1', now(), ?, ?)", rows);
        List<Row> points = new ArrayList<>();
        try (Connection c = store.database.dataSource().getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT id, member_id, account, points, kind,"
                     + " source_system, effective_at FROM ledger_entries ORDER BY id")) {
            while (r.next()) {
                Instant at = r.getTimestamp("effective_at").toInstant();
                boolean counts = Set.of("points", "pending").contains(r.getString("account"))
                        && Set.of("earn", "bonus", "reverse").contains(r.getString("kind"))
                        && !r.getString("source_system").equals(Contest.PRIZE_SOURCE) && inDates(at);
                if (counts) {
                    points.add(new Row(r.getLong("member_id"), BigDecimal.valueOf(r.getLong("points")), at,
                            r.getLong("id")));
                }
            }
        }
        contributions.put(Contest.Measure.POINTS, points);
    }

    private static int keys;

    private static Object[] entry(long member, String account, long points, String kind, String source, Instant at) {
        return new Object[] {member, account, points, kind, source, at, "test-" + (++keys)};
    }

    private static void orders(Random random) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (long member : ids) {
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                BigDecimal total = BigDecimal.valueOf(random.nextInt(8000), 2);
                String status = STATUSES[random.nextInt(STATUSES.length)];
                BigDecimal refunded = status.equals("partially_refunded")
                        ? total.multiply(BigDecimal.valueOf(random.nextInt(100), 2)).setScale(2, java.math.RoundingMode.DOWN)
                        : status.equals("refunded") ? total : BigDecimal.ZERO;
                rows.add(new Object[] {"o-" + member + "-" + i, member, total,
                        CURRENCIES[random.nextInt(CURRENCIES.length)], someTime(random), status, refunded});
            }
        }
        ContestWorld.write(store.database.dataSource(), "INSERT INTO orders (source, external_id, member_id, total,"
                + " currency, placed_at, status, refunded_amount, revision) VALUES ('shop', ?, ?, ?, ?, ?, ?, ?, 1)",
                rows);
        List<Row> orders = new ArrayList<>();
        List<Row> spend = new ArrayList<>();
        try (Connection c = store.database.dataSource().getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT id, member_id, total, refunded_amount, currency,"
                     + " status, placed_at FROM orders ORDER BY id")) {
            while (r.next()) {
                BigDecimal rate = switch (r.getString("currency")) {
                    case "EUR" -> BigDecimal.ONE;
                    case "USD" -> new BigDecimal("0.5");
                    default -> BigDecimal.ZERO;
                };
                BigDecimal kept = switch (r.getString("status")) {
                    case "completed" -> r.getBigDecimal("total");
                    case "partially_refunded" -> r.getBigDecimal("total").subtract(r.getBigDecimal("refunded_amount"));
                    default -> BigDecimal.ZERO;
                };
                kept = kept.multiply(rate);
                Instant at = r.getTimestamp("placed_at").toInstant();
                if (kept.signum() > 0 && kept.compareTo(BigDecimal.valueOf(5)) >= 0 && inDates(at)) {
                    orders.add(new Row(r.getLong("member_id"), BigDecimal.ONE, at, r.getLong("id")));
                    spend.add(new Row(r.getLong("member_id"), kept, at, r.getLong("id")));
                }
            }
        }
        contributions.put(Contest.Measure.ORDERS, orders);
        contributions.put(Contest.Measure.SPEND, spend);
    }

    private static void referrals(Random random) {
        List<Object[]> rows = new ArrayList<>();
        List<Row> completed = new ArrayList<>();
        List<Long> referrers = ids.subList(2, 20);
        for (long referee : ids.subList(20, ids.size())) {
            long referrer = referrers.get(random.nextInt(referrers.size()));
            Instant at = random.nextInt(5) == 0 ? null : someTime(random);
            rows.add(new Object[] {referee, referrer, at});
            if (at != null && inDates(at)) {
                completed.add(new Row(referrer, BigDecimal.ONE, at, referee));
            }
        }
        ContestWorld.write(store.database.dataSource(),
                "INSERT INTO referrals (referee_id, referrer_id, completed_at) VALUES (?, ?, ?)", rows);
        contributions.put(Contest.Measure.REFERRALS, completed);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    /** The standings by the rules, from the test's own rows: total, first time the running total reached it. */
    private static List<Expected> expected(Contest contest) {
        Map<Long, List<Row>> byMember = new TreeMap<>();
        contributions.get(contest.measure()).forEach(r -> byMember.computeIfAbsent(r.member(), m -> new ArrayList<>())
                .add(r));
        List<Expected> all = new ArrayList<>();
        byMember.forEach((member, rows) -> {
            rows.sort(Comparator.comparing(Row::at).thenComparingLong(Row::seq));
            BigDecimal total = rows.stream().map(Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal running = BigDecimal.ZERO;
            Instant reached = null;
            for (Row row : rows) {
                running = running.add(row.amount());
                if (reached == null && running.compareTo(total) >= 0) {
                    reached = row.at();
                }
            }
            boolean takesPart = contest.tiers().isEmpty() && contest.segments().isEmpty()
                    || contest.tiers().contains(tierOf.getOrDefault(member, "member"))
                    || rfmOf.containsKey(member) && contest.segments().contains(rfmOf.get(member));
            if (takesPart && !erased.contains(member) && total.signum() > 0
                    && total.compareTo(contest.minimum()) >= 0) {
                all.add(new Expected(member, total, reached));
            }
        });
        all.sort(Comparator.comparing(Expected::value).reversed().thenComparing(Expected::reachedAt)
                .thenComparingLong(Expected::member));
        return all;
    }

    private static List<String> lines(List<Expected> expected) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            lines.add((i + 1) + " " + e.member() + " " + e.value().stripTrailingZeros().toPlainString() + " "
                    + e.reachedAt());
        }
        return lines;
    }

    /** Every page of the store's standings, 7 ranks at a time. */
    private static List<String> stored(Contest contest) {
        List<String> lines = new ArrayList<>();
        int after = 0;
        while (true) {
            int from = after;
            ContestStandings.Page page = store.transactions.inTransaction(() -> standings.ranks(contest, from, 7));
            if (page.ranks().isEmpty()) {
                return lines;
            }
            for (ContestStandings.Standing s : page.ranks()) {
                lines.add(s.rank() + " " + s.member().value() + " " + s.value().toPlainString() + " " + s.reachedAt());
                after = s.rank();
            }
        }
    }

    private static void matches(String name) {
        Contest contest = program.contest(name).orElseThrow();
        List<String> expected = lines(expected(contest));
        assertThat(expected).as("the data must give this contest a real ranking").hasSizeGreaterThan(5);
        assertThat(stored(contest)).containsExactlyElementsOf(expected);
        long participants = store.transactions.inTransaction(() -> standings.ranks(contest, 0, 1)).participants();
        assertThat(participants).isEqualTo(expected.size());
    }

    @Test
    void points_standings_count_earned_pending_and_reversed_points_within_the_dates_but_no_contest_prize() {
        matches("points-all");
    }

    @Test
    void orders_standings_count_the_orders_that_earn_placed_within_the_dates() {
        matches("orders-all");
    }

    @Test
    void spend_standings_count_kept_amounts_at_the_fixed_rates_for_gold_members_or_champions_from_the_minimum() {
        matches("spend-gold-or-champions");
    }

    @Test
    void referral_standings_count_completed_referrals_from_the_minimum_of_two() {
        matches("referrals-two");
    }

    @Test
    void of_two_members_with_the_same_value_the_one_who_reached_it_first_ranks_higher() {
        Contest silver = program.contest("silver-points").orElseThrow();
        List<String> stored = stored(silver);
        assertThat(stored).containsExactlyElementsOf(lines(expected(silver)));
        List<Expected> ties = expected(program.contest("points-all").orElseThrow()).stream()
                .filter(e -> e.value().compareTo(BigDecimal.valueOf(100)) == 0).toList();
        assertThat(ties).as("several members on 100 points, some reaching it at the same moment").hasSizeGreaterThan(2);
        ContestStandings.Standing ann = store.transactions.inTransaction(() -> standings.member(silver,
                new MemberId(silverAnn))).ranks().get(0);
        ContestStandings.Standing bob = store.transactions.inTransaction(() -> standings.member(silver,
                new MemberId(silverBob))).ranks().get(0);
        assertThat(ann.value()).isEqualByComparingTo(bob.value()).isEqualByComparingTo("100");
        assertThat(ann.reachedAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(ann.rank()).isLessThan(bob.rank());
    }

    @Test
    void a_member_who_does_not_take_part_has_no_standing_and_a_page_past_the_end_still_counts_the_participants() {
        Contest gold = program.contest("spend-gold-or-champions").orElseThrow();
        long outsider = ids.stream().filter(id -> !"gold".equals(tierOf.get(id)) && rfmOf.get(id) == null)
                .findFirst().orElseThrow();
        ContestStandings.Page none = store.transactions.inTransaction(() -> standings.member(gold,
                new MemberId(outsider)));
        assertThat(none.ranks()).isEmpty();
        ContestStandings.Page past = store.transactions.inTransaction(() -> standings.ranks(gold, 100_000, 10));
        assertThat(past.ranks()).isEmpty();
        assertThat(past.participants()).isEqualTo(expected(gold).size());
    }
}

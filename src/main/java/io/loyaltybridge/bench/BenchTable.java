package io.loyaltybridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one table the benchmark prints: each figure with its target and, per CRM, what was measured and whether it was
 * met; then each CRM's floor table by table.
 */
final class BenchTable {
    private static final long MB = 1024 * 1024;
    private static final int FULL_CONTACTS = 100_000;
    private static final int FULL_ORDERS = 1_000_000;

    /** A measured figure and its verdict. */
    record Cell(String measured, String met) {
    }

    record Row(String what, String target, Function<BenchResult.Crm, Cell> cell) {
    }

    private BenchTable() {
    }

    static String render(BenchResult r) {
        List<List<String>> lines = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("figure", "target"));
        r.crms().forEach(c -> head.addAll(List.of(c.name(), "met")));
        lines.add(head);
        for (Row row : rows(r)) {
            List<String> line = new ArrayList<>(List.of(row.what, row.target));
            r.crms().forEach(c -> {
                Cell cell = row.cell.apply(c);
                line.addAll(List.of(cell.measured, cell.met));
            });
            lines.add(line);
        }
        StringBuilder out = new StringBuilder(f("Benchmark: synchronous_commit = %s, fsync = %s; %d contacts and %d"
                        + " orders per CRM, %d orders/s for %d s%n", r.durability().synchronousCommit(),
                r.durability().fsync(), r.options().contacts(), r.options().orders(), r.options().rate(),
                r.options().seconds()));
        out.append(Markdown.table(lines));
        for (BenchResult.Crm c : r.crms()) {
            out.append(f("%n%s floor, table by table (COPY TO STDOUT into COPY FROM STDIN, LIKE ... INCLUDING ALL):%n",
                    c.name()));
            List<List<String>> floor = new ArrayList<>(List.of(List.of("table", "rows", "seconds")));
            c.floor().tables().forEach(t -> floor.add(List.of(t.name(), Long.toString(t.rows()),
                    f("%.3f", t.nanos() / 1e9))));
            floor.add(List.of("total", Long.toString(c.floor().rows()), f("%.3f", c.floor().seconds())));
            out.append(Markdown.table(floor));
        }
        return out.toString();
    }

    private static List<Row> rows(BenchResult r) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("backfill: contacts + orders", "100000 + 1000000", c -> new Cell(
                c.backfill().contacts() + " + " + c.backfill().orders(), full(c) ? "met" : "not met (smaller run)")));
        rows.add(new Row("backfill: wall time", "-", c -> new Cell(f("%.1f s, %.0f records/s",
                c.backfill().seconds(), c.backfill().recordsPerSecond()), "-")));
        rows.add(new Row("backfill: peak heap (bench JVM: app + in-process sandboxes)", "<= 512 MB (-Xmx512m)",
                c -> new Cell(f("live after GC %d MB, pool peaks %d MB, -Xmx %d MB",
                        c.backfill().heapLiveAfterGc() / MB, c.backfill().heapSumOfPoolPeaks() / MB,
                        c.backfill().heapMax() / MB), verdict(c.backfill().heapMax() <= 512 * MB, full(c)))));
        rows.add(new Row("floor: COPY of every row the backfill wrote", "-", c -> new Cell(f(
                "%d rows in %d tables, %.2f s", c.floor().rows(), c.floor().tables().size(), c.floor().seconds()),
                "-")));
        rows.add(new Row("backfill / floor", "<= 10 at 10000/100000 (goal 3)", c -> new Cell(
                f("%.1f", c.backfillOverFloor()), verdict(c.backfillOverFloor() <= 10,
                        c.backfill().contacts() >= 10_000 && c.backfill().orders() >= 100_000))));
        rows.add(new Row("writes, backfill", "ceil(changed/200 SF, /100 HS)", c -> {
            long min = BenchResult.Calls.minimum(c.calls().backfillChanged(), c.calls().perWrite());
            return new Cell(f("%d (minimum ceil(%d/%d) = %d)", c.calls().backfillWrites(),
                    c.calls().backfillChanged(), c.calls().perWrite(), min),
                    verdict(c.calls().backfillWrites() == min, true));
        }));
        rows.add(new Row("writes, poll round with no change", "0", c -> new Cell(f("%d (%d contacts changed, %d reads)",
                c.calls().noChangeWrites(), c.calls().noChangeChanged(), c.calls().noChangeReads()),
                verdict(c.calls().noChangeWrites() == 0, true))));
        rows.add(new Row("generator alone (its ceiling)", ">= 1000 orders/s", c -> new Cell(
                f("%.0f orders/s", c.generatorCeiling()), verdict(c.generatorCeiling() >= 1000, true))));
        SteadyRows.add(rows, r);
        rows.add(new Row("recompute tiers + segments, all members", "< 10 s for 100000", c -> recompute(r, c)));
        rows.add(new Row("orders settled (core / CRM)", "all", c -> new Cell(c.checks().ordersInCore() + " / "
                + c.checks().ordersInOrg(), verdict(c.checks().ordersInCore() == c.checks().ordersInOrg(), true))));
        rows.add(new Row("ledger check mismatches", "0", c -> new Cell(Integer.toString(c.checks().ledgerMismatches()),
                verdict(c.checks().ledgerMismatches() == 0, true))));
        rows.add(new Row("contacts whose CRM fields differ from the core", "0", c -> new Cell(
                Long.toString(c.checks().contactsDisagreeing()), verdict(c.checks().contactsDisagreeing() == 0,
                true))));
        return rows;
    }

    /** The recompute ran once, on the first CRM's database; the other column says so. */
    private static Cell recompute(BenchResult r, BenchResult.Crm c) {
        BenchResult.Recompute rc = r.recompute();
        if (rc == null || c != r.crms().get(0)) {
            return new Cell("(measured once, first column)", "-");
        }
        return new Cell(f("%.1f s for %d members, %d orders (tiers %.1f s, segments %.1f s)", rc.seconds(),
                rc.members(), rc.orders(), rc.tierNanos() / 1e9, rc.seconds() - rc.tierNanos() / 1e9),
                verdict(rc.seconds() < 10, rc.members() >= FULL_CONTACTS));
    }

    private static boolean full(BenchResult.Crm c) {
        return c.backfill().contacts() >= FULL_CONTACTS && c.backfill().orders() >= FULL_ORDERS;
    }

    /** Below the target scale a good figure proves less, so it says so. */
    static String verdict(boolean ok, boolean atTargetScale) {
        if (!ok) {
            return "not met";
        }
        return atTargetScale ? "met" : "met at this scale only";
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

package io.loyaltybridge.bench;

import io.loyaltybridge.bench.BenchTable.Cell;
import io.loyaltybridge.bench.BenchTable.Row;

import java.util.List;

import static io.loyaltybridge.bench.BenchTable.f;
import static io.loyaltybridge.bench.BenchTable.verdict;

/** The steady state's rows of {@link BenchTable}: orders seen, latency, calls per order, the breaking rate. */
final class SteadyRows {
    private static final int TARGET_RATE = 200;

    private SteadyRows() {
    }

    static void add(List<Row> rows, BenchResult r) {
        rows.add(new Row("steady state: orders placed / seen on the CRM", "200/s, all seen", c -> {
            SteadyState.Result s = c.steady();
            return new Cell(f("%d due in %d s, %d placed (%.0f/s)%s, %d seen", s.due(), s.seconds(), s.placed(),
                    s.achievedRate(), exhausted(s), s.seen()), verdict(s.seen() == s.due(), atTarget(s)));
        }));
        rows.add(new Row("steady state: order to CRM field, p50", "-", c -> new Cell(ms(c.steady().p50Ms()), "-")));
        rows.add(new Row("steady state: order to CRM field, p99", "< 2000 ms at 200/s", c -> new Cell(
                ms(c.steady().p99Ms()) + f(" (max %s; of the %d seen: p50 %s, p99 %s)", ms(c.steady().maxMs()),
                        c.steady().seen(), ms(c.steady().seenP50Ms()), ms(c.steady().seenP99Ms())),
                verdict(c.steady().p99Ms() < 2000 && c.steady().placed() > 0, atTarget(c.steady())))));
        rows.add(new Row("steady state: inbound reads", "<= ceil(changed/200) per window", c -> {
            BenchResult.Calls k = c.calls();
            return new Cell(f("%d for %d orders (%.3f per order; at least ceil(%d/200) = %d)", k.steadyReads(),
                    c.steady().placed(), perOrder(k.steadyReads(), c), c.steady().placed(),
                    BenchResult.Calls.minimum(c.steady().placed(), 200)), "-");
        }));
        rows.add(new Row("steady state: writes", "ceil(changed/200 SF, /100 HS)", c -> {
            BenchResult.Calls k = c.calls();
            return new Cell(f("%d for %d contacts changed (%.3f per order; minimum ceil(%d/%d) = %d)",
                    k.steadyWrites(), k.steadyChanged(), perOrder(k.steadyWrites(), c), k.steadyChanged(),
                    k.perWrite(), BenchResult.Calls.minimum(k.steadyChanged(), k.perWrite())), "-");
        }));
        rows.add(new Row("breaking rate (rate doubled per step)", "> 200 orders/s", SteadyRows::breaking));
    }

    private static Cell breaking(BenchResult.Crm c) {
        SteadyState.Result held = c.held();
        SteadyState.Result broke = c.broke();
        String heldText = held == null ? "none held" : f("held %d/s", held.rate());
        if (broke == null) {
            return new Cell(heldText + f("; did not break below the generator's ceiling (%.0f/s) or the last step",
                    c.generatorCeiling()), "met");
        }
        String text = heldText + f("; broke at %d/s (p99 %s, %d of %d due seen)", broke.rate(), ms(broke.p99Ms()),
                broke.seen(), broke.due());
        return new Cell(text, verdict(broke.rate() > TARGET_RATE, true));
    }

    /**
     * Placing waited when every contact had an order pending: the app was more than contacts / rate seconds behind
     * (5 s with the defaults), so the target was missed already; the waits count in the latencies, from when each
     * order was due, and orders never placed count as lost.
     */
    private static String exhausted(SteadyState.Result s) {
        return s.contactsExhausted() ? ", placing waited: every contact had an order pending" : "";
    }

    /** Below the target rate, or with fewer than 95 % of the due orders placed, a good figure proves less. */
    private static boolean atTarget(SteadyState.Result s) {
        return s.rate() >= TARGET_RATE && s.placed() >= 0.95 * s.due();
    }

    private static double perOrder(long calls, BenchResult.Crm c) {
        return c.steady().placed() == 0 ? 0 : (double) calls / c.steady().placed();
    }

    static String ms(double ms) {
        return Double.isInfinite(ms) ? "lost" : f("%.0f ms", ms);
    }
}

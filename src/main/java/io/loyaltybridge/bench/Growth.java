package io.loyaltybridge.bench;

import io.loyaltybridge.app.Application;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench --growth 2000/20000,10000/100000}: the Salesforce backfill, its all-rows COPY floor and the recompute
 * at each size, each on a fresh database of the same server, so how they grow with members and orders shows in one
 * table. The largest size (100000/1000000) is meant to be run alone, by hand, with {@code -Xmx512m} and the sandbox
 * in its own JVM ({@code --sandbox-xmx}), so the heap figures are the app's alone.
 */
final class Growth {
    private static final long MB = 1024 * 1024;

    record Row(BenchOptions.Size size, BenchResult.Backfill backfill, BenchResult.Floor floor,
               BenchResult.Recompute recompute, ContestTiming.Times standings) {
    }

    private Growth() {
    }

    static List<Row> run(BenchOptions options, BenchDatabase server, Path workDir, Path temp,
                         Map<String, String> overrides, Map<String, String> env, PrintStream out) {
        List<Row> rows = new ArrayList<>();
        for (BenchOptions.Size size : options.growth()) {
            out.printf("Benchmark growth: %d contacts / %d orders, seeding the Salesforce sandbox (%s)...%n",
                    size.contacts(), size.orders(), options.sandboxXmx() == null ? "in this JVM"
                            : "in its own JVM, -Xmx" + options.sandboxXmx());
            try (BenchDatabase db = server.sibling("loyalty_bench_growth");
                 SalesforcePeer sf = SalesforcePeer.start(options, size.contacts(), size.orders(), temp)) {
                BenchCrm crm = sf.crm();
                Map<String, String> settings = BenchApp.base(db, BenchApp.freePort(), workDir, temp);
                settings.putAll(sf.settings());
                settings.putAll(overrides);
                Backfilled b = Backfilled.measure(crm, () -> Application.start(workDir, settings,
                        sf.secrets(env)));
                try (Application app = b.app()) {
                    out.printf("Benchmark growth: backfill done in %.1f s; COPY floor...%n", b.backfill().seconds());
                    BenchResult.Floor floor = new BenchResult.Floor(CopyFloor.measure(db));
                    Row row = new Row(size, b.backfill(), floor, CrmRun.recompute(app.core(), db, out),
                            ContestTiming.measure(app.core(), out));
                    rows.add(row);
                    // Each size's line as soon as it is known: a long run stopped early still leaves its figures.
                    out.print("Benchmark growth: " + line(row));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    static String render(BenchResult.Durability durability, List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Growth (Salesforce; synchronous_commit = %s, fsync = %s)%n", durability.synchronousCommit(),
                durability.fsync()));
        out.append("| contacts / orders | backfill | records/s | floor: all rows COPY | backfill / floor"
                + " | recompute (tiers, segments) | contest standings (points, spend) | heap: live after GC, pool"
                + " peaks, -Xmx |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(line(r)));
        return out.toString();
    }

    private static String line(Row r) {
        BenchResult.Backfill b = r.backfill();
        BenchResult.Recompute rc = r.recompute();
        return String.format(Locale.ROOT,
                "| %d / %d | %.1f s | %.0f | %d rows in %.2f s | %.1f | %.2f s (%.2f s, %.2f s) | %.2f s, %.2f s"
                        + " (%d ranked) | %d MB, %d MB, %d MB |%n", r.size().contacts(), r.size().orders(), b.seconds(), b.recordsPerSecond(),
                r.floor().rows(), r.floor().seconds(), b.nanos() / (double) Math.max(1, r.floor().nanos()),
                rc.seconds(), rc.tierNanos() / 1e9, rc.seconds() - rc.tierNanos() / 1e9,
                r.standings().pointsSeconds(), r.standings().spendSeconds(), r.standings().participants(),
                b.heapLiveAfterGc() / MB, b.heapSumOfPoolPeaks() / MB, b.heapMax() / MB);
    }
}

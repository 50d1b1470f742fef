package io.loyaltybridge.bench;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.app.Core;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -jar loyaltybridge.jar bench}: the real app against the in-process Salesforce sandbox on a fresh
 * database, measured phase by phase (backfill, COPY floor, no-change run, steady state, recompute) and printed as
 * one table. Every figure comes from the sandbox or the database, not from the connector's own counters.
 */
public final class Bench {
    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

    private Bench() {
    }

    public static BenchResult run(BenchOptions options, Path workDir, Map<String, String> overrides,
                                  Map<String, String> env, PrintStream out) {
        Path temp = tempDir();
        try (BenchDatabase db = BenchDatabase.open(options.dbUrl(), temp, env);
             SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults())) {
            out.printf("Benchmark: seeding the Salesforce sandbox with %d contacts and %d orders...%n",
                    options.contacts(), options.orders());
            List<String> contacts = sf.seed(options.contacts(), options.orders(), options.seed());
            Map<String, String> settings = new HashMap<>(BenchApp.settings(sf, db, workDir, temp));
            settings.putAll(overrides);
            return measure(options, sf, db, contacts, () -> Application.start(workDir, settings,
                    BenchApp.secrets(sf, env)), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(temp);
        }
    }

    private static BenchResult measure(BenchOptions options, SalesforceSandbox sf, BenchDatabase db,
                                       List<String> contacts, java.util.function.Supplier<Application> starter,
                                       PrintStream out) {
        CrmWatch watch = new CrmWatch(sf, contacts);
        int[] before = watch.snapshot();
        long ordersInOrg = sf.admin().count("Order");
        sf.calls().reset();
        out.println("Benchmark: backfill starts (the app starts now)");
        BenchResult.Backfill backfill;
        Application app = null;
        try (HeapPeak heap = new HeapPeak()) {
            long start = System.nanoTime();
            app = starter.get();
            BenchApp.awaitBackfilled(app.core(), watch, contacts);
            long nanos = System.nanoTime() - start;
            backfill = new BenchResult.Backfill(contacts.size(), (int) ordersInOrg, nanos, heap.sumOfPoolPeaks(),
                    heap.liveAfterGc(), HeapPeak.max());
        } catch (RuntimeException e) {
            if (app != null) {
                app.close();
            }
            throw e;
        }
        try (Application running = app) {
            Core core = running.core();
            int[] afterBackfill = watch.snapshot();
            long backfillWrites = watch.writeCalls();
            out.printf("Benchmark: backfill done in %.1f s; COPY floor...%n", backfill.seconds());
            long ledgerRows = db.count("SELECT count(*) FROM ledger_entries");
            BenchResult.Floor floor = new BenchResult.Floor(ledgerRows, CopyFloor.measure(db, ledgerRows));
            out.println("Benchmark: incremental run with nothing changed...");
            sf.calls().reset();
            BenchApp.awaitPollRound(sf);
            BenchResult.Calls calls = new BenchResult.Calls(backfillWrites, CrmWatch.changed(before, afterBackfill),
                    watch.writeCalls(), CrmWatch.changed(afterBackfill, watch.snapshot()),
                    BenchApp.reads(sf));
            out.printf("Benchmark: steady state, %d orders/s for %d s...%n", options.rate(), options.seconds());
            SteadyState.Result steady = SteadyState.run(sf, watch, contacts, options.rate(), options.seconds());
            out.println("Benchmark: recompute of tiers and segments...");
            long members = db.count("SELECT count(*) FROM members");
            long t = System.nanoTime();
            core.jobs().tierAssessment();
            long tiers = System.nanoTime() - t;
            core.jobs().segmentsAndCltv();
            BenchResult.Recompute recompute = new BenchResult.Recompute(members, tiers, System.nanoTime() - t);
            BenchApp.awaitOutboxEmpty(core);
            BenchResult.Checks checks = new BenchResult.Checks(sf.admin().count("Order"),
                    db.count("SELECT count(*) FROM orders WHERE source = 'salesforce'"),
                    running.ledgerCheck().mismatches().size(), BenchApp.disagreeingAfterSettling(watch, core, db));
            BenchResult result = new BenchResult(options, backfill, floor, calls, steady, recompute, checks);
            out.println();
            out.print(BenchTable.render(result));
            // What the API guard (token, rate limit, role) adds to each call, measured in-process.
            out.printf("API guard: %.1f µs per call (20 tokens, 40 routes)%n",
                    io.loyaltybridge.api.GuardCost.nanosPerCall(20, 40, 200_000) / 1000);
            return result;
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("loyaltybridge-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Benchmark could not remove {}: {}", dir, e.getMessage());
        }
    }
}

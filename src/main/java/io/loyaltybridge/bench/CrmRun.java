package io.loyaltybridge.bench;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.app.Core;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One CRM's run, phase by phase on its own fresh database: backfill (from the app's start), the COPY floor of what
 * it wrote, one poll round with nothing changed, the steady state, the search for the breaking rate, optionally the
 * recompute, and the checks. Every figure is read from the CRM sandbox or the database, not from our code.
 */
final class CrmRun {
    /** Rates double from the steady state's; a few steps reach well past any target. */
    private final BenchOptions options;
    private final BenchCrm crm;
    private final BenchDatabase db;
    private final PrintStream out;
    private BenchResult.Recompute recompute;

    CrmRun(BenchOptions options, BenchCrm crm, BenchDatabase db, PrintStream out) {
        this.options = options;
        this.crm = crm;
        this.db = db;
        this.out = out;
    }

    BenchResult.Recompute recompute() {
        return recompute;
    }

    BenchResult.Crm run(double ceiling, Supplier<Application> starter, boolean withRecompute) {
        int[] before = crm.snapshot();
        out.printf("Benchmark %s: backfill starts (the app starts now)%n", crm.name());
        Backfilled b = Backfilled.measure(crm, starter);
        try (Application app = b.app()) {
            Core core = app.core();
            int[] afterBackfill = crm.snapshot();
            long backfillWrites = crm.writes();
            out.printf("Benchmark %s: backfill done in %.1f s; COPY floor of every row it wrote...%n", crm.name(),
                    b.backfill().seconds());
            BenchResult.Floor floor = new BenchResult.Floor(CopyFloor.measure(db));
            out.printf("Benchmark %s: incremental run with nothing changed...%n", crm.name());
            crm.resetCalls();
            BenchApp.awaitPollRound(crm);
            long noChangeWrites = crm.writes();
            long noChangeReads = crm.reads();
            int[] beforeSteady = crm.snapshot();
            long noChangeChanged = BenchCrm.changed(afterBackfill, beforeSteady);
            out.printf("Benchmark %s: steady state, %d orders/s for %d s...%n", crm.name(), options.rate(),
                    options.seconds());
            crm.resetCalls();
            SteadyState.Result steady = SteadyState.run(crm, options.rate(), options.seconds());
            BenchApp.awaitDrained(core, crm, db);
            BenchResult.Calls calls = new BenchResult.Calls(crm.perWrite(), backfillWrites,
                    BenchCrm.changed(before, afterBackfill), noChangeWrites, noChangeChanged, noChangeReads,
                    crm.reads(), crm.writes(), BenchCrm.changed(beforeSteady, crm.snapshot()));
            List<SteadyState.Result> steps = steps(core, steady, ceiling);
            if (withRecompute) {
                recompute = recompute(core, db, out);
            }
            BenchApp.awaitDrained(core, crm, db);
            BenchResult.Checks checks = new BenchResult.Checks(crm.orders(), BenchApp.ordersInCore(crm, db),
                    app.ledgerCheck().mismatches().size(), BenchApp.disagreeingAfterSettling(crm, core, db));
            return new BenchResult.Crm(crm.name(), ceiling, b.backfill(), floor, calls, steady, steps, checks);
        }
    }

    /**
     * The rate doubled, step by step, until a step misses the 2 s target or loses an order, or the next rate would
     * pass what the generator alone can place (then the bench, not the app, would be measured).
     */
    private List<SteadyState.Result> steps(Core core, SteadyState.Result steady, double ceiling) {
        List<SteadyState.Result> steps = new ArrayList<>();
        SteadyState.Result last = steady;
        int rate = options.rate() * 2;
        while (options.stepSeconds() > 0 && last.held() && steps.size() < options.maxSteps() && rate <= ceiling) {
            out.printf("Benchmark %s: breaking rate, step at %d orders/s for %d s...%n", crm.name(), rate,
                    options.stepSeconds());
            last = SteadyState.run(crm, rate, options.stepSeconds());
            steps.add(last);
            BenchApp.awaitDrained(core, crm, db);
            rate *= 2;
        }
        return steps;
    }

    static BenchResult.Recompute recompute(Core core, BenchDatabase db, PrintStream out) {
        out.println("Benchmark: recompute of tiers and segments...");
        long members = db.count("SELECT count(*) FROM members");
        long orders = db.count("SELECT count(*) FROM orders");
        long t = System.nanoTime();
        core.jobs().tierAssessment();
        long tiers = System.nanoTime() - t;
        core.jobs().segmentsAndCltv();
        return new BenchResult.Recompute(members, orders, tiers, System.nanoTime() - t);
    }
}

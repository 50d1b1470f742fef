package io.loyaltybridge.app.whatif;

import io.loyaltybridge.app.program.ProgramDiff;
import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.whatif.Comparison;
import io.loyaltybridge.domain.whatif.WhatIf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What-if runs of this process, one at a time (each holds every member's figures twice and keeps both cores busy):
 * a candidate is checked like the program file at start, then replayed in the background. The last few runs stay
 * readable; they are not stored, so a restart forgets them.
 */
public final class WhatIfRuns {
    private static final Logger LOG = LoggerFactory.getLogger(WhatIfRuns.class);
    private static final int KEPT = 5;
    /** Largest changes a result lists (all of them are in the CSV). */
    public static final int LARGEST = 20;
    private final Program inForce;
    private final byte[] inForceFile;
    private final WhatIf.History history;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicReference<WhatIfRun> running = new AtomicReference<>();
    private final Map<Long, WhatIfRun> kept = new LinkedHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "what-if");
        thread.setDaemon(true);
        return thread;
    });

    public WhatIfRuns(Program inForce, byte[] inForceFile, WhatIf.History history, Clock clock) {
        this.inForce = inForce;
        this.inForceFile = inForceFile.clone();
        this.history = history;
        this.clock = clock;
    }

    /** A prepared run: the candidate checked and the one place taken, not started yet. */
    public record Prepared(WhatIfRun run, Program candidate) {
    }

    /**
     * Checks the candidate (a {@link io.loyaltybridge.app.program.ProgramFileException} lists every problem) and
     * takes the one place, or refuses with a conflict while a run holds it.
     */
    public Prepared prepare(byte[] candidateFile, LocalDate from, String actor) {
        Program candidate = ProgramFile.parse(candidateFile, "candidate program");
        WhatIfRun run = new WhatIfRun(ids.incrementAndGet(), actor, clock.instant(), from, candidate.version(),
                ProgramDiff.between(inForceFile, candidateFile));
        if (!running.compareAndSet(null, run)) {
            throw new Conflict("what_if_running", "what-if run " + running.get().id() + " is running; ask again"
                    + " when it has finished (GET /api/program/what-if/" + running.get().id() + ")");
        }
        synchronized (kept) {
            kept.put(run.id(), run);
            while (kept.size() > KEPT) {
                // The oldest goes first; it has finished, since only the new run is running.
                kept.remove(kept.keySet().iterator().next());
            }
        }
        return new Prepared(run, candidate);
    }

    /** Gives the place back without running (the start could not be recorded). */
    public void abandon(Prepared prepared) {
        running.compareAndSet(prepared.run(), null);
        synchronized (kept) {
            kept.remove(prepared.run().id());
        }
    }

    public void launch(Prepared prepared) {
        background.execute(() -> run(prepared));
    }

    /** Runs on the caller's thread (the command line). */
    public WhatIfRun runHere(Prepared prepared) {
        run(prepared);
        return prepared.run();
    }

    private void run(Prepared prepared) {
        WhatIfRun run = prepared.run();
        try {
            long began = System.nanoTime();
            run.total(history.orders(run.from()));
            Comparison outcome = new WhatIf(inForce, prepared.candidate(), clock).run(history, run.from(), run::done);
            run.succeeded(outcome, outcome.result(LARGEST), clock.instant(), (System.nanoTime() - began) / 1_000_000);
            LOG.info("What-if run {} finished: {} members, {} orders under both programs", run.id(),
                    run.result().members(), run.result().orders());
        } catch (RuntimeException failure) {
            LOG.warn("What-if run {} failed: {}", run.id(), failure.toString());
            run.failed(failure.getMessage() == null ? failure.toString() : failure.getMessage(), clock.instant());
        } finally {
            running.compareAndSet(run, null);
        }
    }

    public Optional<WhatIfRun> run(long id) {
        synchronized (kept) {
            return Optional.ofNullable(kept.get(id));
        }
    }
}

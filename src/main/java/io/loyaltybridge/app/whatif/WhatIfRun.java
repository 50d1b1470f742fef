package io.loyaltybridge.app.whatif;

import io.loyaltybridge.app.program.ProgramDiff;
import io.loyaltybridge.domain.whatif.Comparison;
import io.loyaltybridge.domain.whatif.WhatIfResult;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One what-if run: what was asked, how far it got, and its answer once done. Read by other threads as it goes. */
public final class WhatIfRun {
    public enum State { RUNNING, SUCCEEDED, FAILED }

    private final long id;
    private final String startedBy;
    private final Instant startedAt;
    private final LocalDate from;
    private final String candidateVersion;
    private final List<ProgramDiff.Change> changes;
    private final AtomicLong done = new AtomicLong();
    private volatile long total = -1;
    private volatile State state = State.RUNNING;
    private volatile Instant finishedAt;
    private volatile long tookMs;
    private volatile String error;
    private volatile Comparison comparison;
    private volatile WhatIfResult result;

    WhatIfRun(long id, String startedBy, Instant startedAt, LocalDate from, String candidateVersion,
              List<ProgramDiff.Change> changes) {
        this.id = id;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.from = from;
        this.candidateVersion = candidateVersion;
        this.changes = List.copyOf(changes);
    }

    void total(long orders) {
        total = orders;
    }

    void done(long orders) {
        done.set(orders);
    }

    void succeeded(Comparison outcome, WhatIfResult answer, Instant at, long millis) {
        tookMs = millis;
        comparison = outcome;
        result = answer;
        finishedAt = at;
        state = State.SUCCEEDED;
    }

    void failed(String why, Instant at) {
        error = why;
        finishedAt = at;
        state = State.FAILED;
    }

    public long id() {
        return id;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public LocalDate from() {
        return from;
    }

    public String candidateVersion() {
        return candidateVersion;
    }

    public List<ProgramDiff.Change> changes() {
        return changes;
    }

    /** Orders settled under both programs so far. */
    public long done() {
        return done.get();
    }

    /** Orders to settle; -1 until counted. */
    public long total() {
        return total;
    }

    public State state() {
        return state;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** How long the replay took (measured, whatever the clock says). */
    public long tookMs() {
        return tookMs;
    }

    public String error() {
        return error;
    }

    /** Every member's figures, for the CSV; null until it succeeded. */
    public Comparison comparison() {
        return comparison;
    }

    public WhatIfResult result() {
        return result;
    }
}

package io.loyaltybridge.domain.whatif;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Program what-if: the whole stored history settled under the program in force and under a candidate, member batch
 * by member batch, both with the set-wise engine in memory (nothing is written, no CRM hears of it). The program in
 * force is replayed too rather than read from the ledger, so the two columns differ by the rules alone, not by when
 * each order happened to be settled or what the jobs did since. Each program settles the batches in turn on its own
 * thread, while the next batch is read.
 */
public final class WhatIf {
    /** Where the history comes from: members in id order, each with their orders in time order. */
    public interface History {
        /** The orders {@link #stream} will hand out, for the progress figure. */
        long orders(LocalDate from);

        /** Hands out every member's history, a batch of members at a time, holding one batch in memory. */
        void stream(LocalDate from, int batchMembers, Consumer<List<MemberHistory>> batch);
    }

    /** Members settled together: large enough to spread the fixed cost, small enough to hold. */
    public static final int BATCH_MEMBERS = 500;
    /** Pages read and not yet settled by both programs: lets the faster one and the reader run ahead a little. */
    static final int PAGES_IN_FLIGHT = 3;
    private final Replay now;
    private final Replay candidate;

    public WhatIf(Program now, Program candidate, Clock clock) {
        this.now = new Replay(now, clock);
        this.candidate = new Replay(candidate, clock);
    }

    /**
     * Replays the history from {@code from} (null: all of it): orders placed and entries effective from that day in
     * the program's time zone. {@code ordersDone} hears the orders settled so far after each batch.
     */
    public Comparison run(History history, LocalDate from, LongConsumer ordersDone) {
        Side nowSide = new Side(now.program());
        Side candidateSide = new Side(candidate.program());
        List<Long> failed = new ArrayList<>();
        long[] orders = new long[1];
        ExecutorService nowThread = daemon("what-if-now");
        ExecutorService candidateThread = daemon("what-if-candidate");
        // Each program settles the pages in turn on its own thread, neither waiting for the other at every page,
        // while the reader fetches ahead: at most PAGES_IN_FLIGHT pages are held.
        Deque<InFlight> inFlight = new ArrayDeque<>();
        Consumer<InFlight> done = page -> {
            List<MemberId> lost = new ArrayList<>(await(page.now()));
            lost.addAll(await(page.candidate()));
            lost.forEach(m -> failed.add(m.value()));
            orders[0] += page.orders();
            ordersDone.accept(orders[0]);
        };
        try {
            history.stream(from, BATCH_MEMBERS, batch -> {
                while (inFlight.size() >= PAGES_IN_FLIGHT) {
                    done.accept(inFlight.poll());
                }
                inFlight.add(new InFlight(batch.stream().mapToLong(h -> h.orders().size()).sum(),
                        nowThread.submit(() -> now.settle(batch, nowSide)),
                        candidateThread.submit(() -> candidate.settle(batch, candidateSide))));
            });
            while (!inFlight.isEmpty()) {
                done.accept(inFlight.poll());
            }
        } finally {
            nowThread.shutdownNow();
            candidateThread.shutdownNow();
        }
        return new Comparison(nowSide, candidateSide, failed, orders[0]);
    }

    /** A page both programs are settling: its orders, and each program's members that failed. */
    private record InFlight(long orders, Future<List<MemberId>> now, Future<List<MemberId>> candidate) {
    }

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static List<MemberId> await(Future<List<MemberId>> settling) {
        try {
            return settling.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the what-if was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}

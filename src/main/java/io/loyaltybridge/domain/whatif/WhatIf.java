package io.loyaltybridge.domain.whatif;

import io.loyaltybridge.domain.Workers;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Program what-if: the whole stored history settled under the program in force and under a candidate, member batch
 * by member batch, both with the set-wise engine in memory (nothing is written, no CRM hears of it). The program in
 * force is replayed too rather than read from the ledger, so the two columns differ by the rules alone, not by when
 * each order happened to be settled or what the jobs did since. A page's two settlements are two tasks for a pool of
 * workers (one per core by default), while the next page is read.
 */
public final class WhatIf {
    /** Where the history comes from: members in id order, each with their orders in time order. */
    public interface History {
        /** The orders {@link #stream} will hand out, for the progress figure. */
        long orders(LocalDate from);

        /** Hands out every member's history, a batch of members at a time, holding one batch in memory. */
        void stream(LocalDate from, int batchMembers, Consumer<List<MemberHistory>> batch);
    }

    /**
     * Members settled together: large enough to spread the fixed cost (four statements a page), small enough that
     * what a page's settlement holds dies young. At 500 the pages in flight kept 15-30 MB alive at every young
     * collection, and copying them cost a quarter of the CPU; at 100 a million orders take about 30 % less CPU.
     */
    public static final int BATCH_MEMBERS = 100;
    /**
     * Pages read and not yet settled by both programs: lets the reader run ahead of the workers by some 800
     * members, so a moment the reader waits for the database (or the machine) does not leave the workers idle.
     */
    static final int PAGES_IN_FLIGHT = 8;
    private final Replay now;
    private final Replay candidate;
    private final int threads;
    private final int pageMembers;

    public WhatIf(Program now, Program candidate, Clock clock) {
        this(now, candidate, clock, Runtime.getRuntime().availableProcessors(), BATCH_MEMBERS);
    }

    /**
     * With {@code threads} workers settling pages of about {@code pageMembers} members: neither changes the result,
     * only how fast it comes and what is held meanwhile.
     */
    public WhatIf(Program now, Program candidate, Clock clock, int threads, int pageMembers) {
        if (threads < 1 || pageMembers < 1) {
            throw new IllegalArgumentException("a what-if needs at least one thread and one member a page, not "
                    + threads + " and " + pageMembers);
        }
        this.now = new Replay(now, clock);
        this.candidate = new Replay(candidate, clock);
        this.threads = threads;
        this.pageMembers = pageMembers;
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
        ExecutorService workers = Workers.pool("what-if", threads);
        // Each page is settled into sides of its own (whichever worker takes it, whichever finishes first) and
        // folded into the totals here, in page order: the split over threads cannot change the result. Settling
        // the two programs as separate tasks keeps both cores busy even when one program costs more than the other.
        Deque<InFlight> inFlight = new ArrayDeque<>();
        Consumer<InFlight> done = page -> {
            Settled settledNow = Workers.await(page.now(), "the what-if");
            Settled settledCandidate = Workers.await(page.candidate(), "the what-if");
            nowSide.absorb(settledNow.side());
            candidateSide.absorb(settledCandidate.side());
            settledNow.failed().forEach(m -> failed.add(m.value()));
            settledCandidate.failed().forEach(m -> failed.add(m.value()));
            orders[0] += page.orders();
            ordersDone.accept(orders[0]);
        };
        try {
            history.stream(from, pageMembers, batch -> {
                while (inFlight.size() >= PAGES_IN_FLIGHT) {
                    done.accept(inFlight.poll());
                }
                Page page = Page.of(batch);
                inFlight.add(new InFlight(page.orders().size(), workers.submit(() -> settle(now, page)),
                        workers.submit(() -> settle(candidate, page))));
            });
            while (!inFlight.isEmpty()) {
                done.accept(inFlight.poll());
            }
        } finally {
            workers.shutdownNow();
        }
        return new Comparison(nowSide, candidateSide, failed, orders[0]);
    }

    private static Settled settle(Replay replay, Page page) {
        Side side = new Side(replay.program());
        return new Settled(side, replay.settle(page, side));
    }

    /** One program's outcome for one page: its members' figures, and those that failed. */
    private record Settled(Side side, List<MemberId> failed) {
    }

    /** A page both programs are settling: its orders, and each program's outcome. */
    private record InFlight(long orders, Future<Settled> now, Future<Settled> candidate) {
    }
}

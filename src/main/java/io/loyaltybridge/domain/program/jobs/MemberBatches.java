package io.loyaltybridge.domain.program.jobs;

import io.loyaltybridge.domain.Progress;
import io.loyaltybridge.domain.Workers;
import io.loyaltybridge.domain.member.MemberId;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

/** Walks every member in id order, a batch at a time, so jobs issue one query per batch and never one per member. */
final class MemberBatches {
    static final int SIZE = 1000;

    private MemberBatches() {
    }

    /**
     * Runs {@code work} on each batch; returns the sum of what it returned (the changes made). {@code what} names
     * the work for the progress board (members done / total, rate, time left).
     */
    static int forEach(JobPorts ports, String what, ToIntFunction<List<MemberId>> work) {
        return forEach(ports, what, 1, work);
    }

    /**
     * The same with up to {@code workers} batches worked on at once, each on its own thread (and so in its own
     * transaction), while the next batch's ids are read: for work whose batches touch only their own members' rows,
     * so batches never wait on each other. Waits for every batch begun; the first failure is thrown.
     */
    static int forEach(JobPorts ports, String what, int workers, ToIntFunction<List<MemberId>> work) {
        long total = ports.unitOfWork().inTransaction(() -> ports.members().count());
        Progress progress = ports.progress().start(what, total);
        try {
            int changes = workers <= 1 ? walk(ports, work, progress) : walk(ports, work, progress, workers);
            progress.finish();
            return changes;
        } finally {
            progress.stop(); // after finish() a no-op; else it ended early
        }
    }

    private static int walk(JobPorts ports, ToIntFunction<List<MemberId>> work, Progress progress) {
        int changes = 0;
        MemberId after = null;
        while (true) {
            List<MemberId> batch = next(ports, after);
            if (batch.isEmpty()) {
                return changes;
            }
            changes += work.applyAsInt(batch);
            progress.advance(batch.size());
            after = batch.get(batch.size() - 1);
        }
    }

    private static int walk(JobPorts ports, ToIntFunction<List<MemberId>> work, Progress progress, int workers) {
        ExecutorService pool = Workers.pool("member-batch", workers);
        Deque<Future<Integer>> running = new ArrayDeque<>();
        int changes = 0;
        try {
            MemberId after = null;
            while (true) {
                List<MemberId> batch = next(ports, after);
                if (batch.isEmpty()) {
                    break;
                }
                running.add(pool.submit(() -> {
                    int changed = work.applyAsInt(batch);
                    progress.advance(batch.size());
                    return changed;
                }));
                after = batch.get(batch.size() - 1);
                if (running.size() > workers) { // one batch queued ahead per worker at most
                    changes += Workers.await(running.removeFirst(), "the job");
                }
            }
            while (!running.isEmpty()) {
                changes += Workers.await(running.removeFirst(), "the job");
            }
            return changes;
        } finally {
            pool.shutdownNow(); // after a failure: the batches not begun are dropped, those running end by themselves
        }
    }

    private static List<MemberId> next(JobPorts ports, MemberId after) {
        return ports.unitOfWork().inTransaction(() -> ports.members().idsAfter(after, SIZE));
    }
}

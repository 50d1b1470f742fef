package io.loyaltybridge.domain.program.jobs;

import io.loyaltybridge.domain.Progress;
import io.loyaltybridge.domain.member.MemberId;

import java.util.List;
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
        long total = ports.unitOfWork().inTransaction(() -> ports.members().count());
        Progress progress = ports.progress().start(what, total);
        try {
            int changes = walk(ports, work, progress);
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
            MemberId from = after;
            List<MemberId> batch = ports.unitOfWork().inTransaction(() -> ports.members().idsAfter(from, SIZE));
            if (batch.isEmpty()) {
                return changes;
            }
            changes += work.applyAsInt(batch);
            progress.advance(batch.size());
            after = batch.get(batch.size() - 1);
        }
    }
}

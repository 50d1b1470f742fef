package io.loyaltybridge.domain.program.jobs;

import io.loyaltybridge.domain.Progress;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.Members;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The member walk of the jobs, on one thread or several: every member once, the changes added up, failures thrown. */
class MemberBatchesTest {
    private static final int MEMBERS = 4_321;

    @Test
    void every_member_is_worked_on_exactly_once_whether_by_one_worker_or_several() {
        for (int workers : new int[] {1, 2, 5}) {
            Map<MemberId, Integer> seen = new ConcurrentHashMap<>();
            AtomicLong advanced = new AtomicLong();
            int changes = MemberBatches.forEach(ports(advanced), "test", workers, batch -> {
                batch.forEach(m -> seen.merge(m, 1, Integer::sum));
                return (int) batch.stream().filter(m -> m.value() % 3 == 0).count();
            });
            assertThat(seen).as("%d workers", workers).hasSize(MEMBERS);
            assertThat(seen.values()).as("%d workers", workers).containsOnly(1);
            assertThat(changes).as("%d workers", workers).isEqualTo(MEMBERS / 3);
            assertThat(advanced.get()).as("progress, %d workers", workers).isEqualTo(MEMBERS);
        }
    }

    @Test
    void a_failing_batch_fails_the_walk_with_its_own_error() {
        assertThatThrownBy(() -> MemberBatches.forEach(ports(new AtomicLong()), "test", 2, batch -> {
            if (batch.contains(new MemberId(2_500))) {
                throw new IllegalStateException("batch with member 2500 failed");
            }
            return 0;
        })).isInstanceOf(IllegalStateException.class).hasMessage("batch with member 2500 failed");
    }

    /** Members 1..MEMBERS; transactions that just run the work; a progress board that adds up what was done. */
    private static JobPorts ports(AtomicLong advanced) {
        Members members = (Members) Proxy.newProxyInstance(Members.class.getClassLoader(), new Class<?>[] {Members.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "count" -> (long) MEMBERS;
                    case "idsAfter" -> idsAfter((MemberId) args[0], (int) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Progress.Board board = (work, total) -> new Progress() {
            @Override
            public void advance(long done) {
                advanced.addAndGet(done);
            }

            @Override
            public void finish() {
            }

            @Override
            public void stop() {
            }
        };
        return new JobPorts(new io.loyaltybridge.domain.UnitOfWork() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                return work.get();
            }
        }, members, null, null, null, null, null, null, null, board);
    }

    private static List<MemberId> idsAfter(MemberId after, int limit) {
        long from = after == null ? 1 : after.value() + 1;
        return LongStream.rangeClosed(from, Math.min(MEMBERS, from + limit - 1)).mapToObj(MemberId::new).toList();
    }
}

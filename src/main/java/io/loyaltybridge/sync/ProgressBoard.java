package io.loyaltybridge.sync;

import io.loyaltybridge.domain.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Long work in progress (backfills, recomputes): logged every few seconds as done / total, rate and time left,
 * and listed for the status page. Finished work stays listed for a minute so the page can show it completed.
 */
public final class ProgressBoard implements Progress.Board {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressBoard.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final Duration KEEP_FINISHED = Duration.ofMinutes(1);

    /**
     * What the page shows of one piece of work: {@code done} records (each counted once), of {@code total} (the
     * count when the work began, raised to {@code done} when more arrived meanwhile); {@code state} is running,
     * done (finished whole) or stopped (ended early: an error or a shutdown; what it did stays shown).
     */
    public record Snapshot(String work, long done, long total, double perSecond, Long secondsLeft, Instant startedAt,
                           String state) {
        public boolean finished() {
            return !state.equals("running");
        }
    }

    private final List<Work> works = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private volatile boolean stopping;

    public ProgressBoard(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Progress start(String work, long total) {
        Work w = new Work(work, total, clock.instant());
        // A run of the same work supersedes the one shown before: a first sync resumed after it was cut short, or a
        // backfill started again after one that failed without saying so (it would show "running" for ever).
        works.removeIf(earlier -> earlier.work.equals(work));
        works.add(w);
        LOG.info("{}: started, {} to do", work, total);
        return w;
    }

    /** The app is stopping: every piece of long work ends at its next step ({@link Progress.Stopped}). */
    public void stopAll() {
        stopping = true;
    }

    /** Whether the app is stopping: work that loops on its own (a push draining a deep outbox) ends its loop. */
    public boolean stopping() {
        return stopping;
    }

    public List<Snapshot> snapshot() {
        Instant now = clock.instant();
        works.removeIf(w -> w.finishedAt != null && w.finishedAt.plus(KEEP_FINISHED).isBefore(now));
        List<Snapshot> all = new ArrayList<>();
        works.forEach(w -> all.add(w.snapshot(now)));
        return all;
    }

    private final class Work implements Progress {
        private final String work;
        private final long total;
        private final Instant startedAt;
        private final AtomicLong done = new AtomicLong();
        private volatile Instant lastLog;
        private volatile Instant finishedAt;
        private volatile boolean stopped;

        Work(String work, long total, Instant startedAt) {
            this.work = work;
            this.total = total;
            this.startedAt = startedAt;
            this.lastLog = startedAt;
        }

        @Override
        public void advance(long n) {
            done.addAndGet(n);
            if (stopping) {
                throw new Progress.Stopped(work);
            }
            Instant now = clock.instant();
            if (Duration.between(lastLog, now).compareTo(LOG_EVERY) >= 0) {
                lastLog = now;
                Snapshot s = snapshot(now);
                LOG.info("{}: {} / {} ({} %), {} per second, about {} s left", work, s.done(), s.total(),
                        s.total() == 0 ? 100 : s.done() * 100 / s.total(), Math.round(s.perSecond()), s.secondsLeft());
            }
        }

        @Override
        public void finish() {
            if (finishedAt != null) {
                return;
            }
            finishedAt = clock.instant();
            Snapshot s = snapshot(finishedAt);
            LOG.info("{}: done, {} in {} s ({} per second)", work, s.done(),
                    Duration.between(startedAt, finishedAt).toSeconds(), Math.round(s.perSecond()));
        }

        @Override
        public void stop() {
            if (finishedAt != null) {
                return;
            }
            stopped = true;
            finishedAt = clock.instant();
            Snapshot s = snapshot(finishedAt);
            LOG.info("{}: stopped after {} of {}; it carries on from there next time", work, s.done(), s.total());
        }

        Snapshot snapshot(Instant now) {
            long d = done.get();
            long all = Math.max(total, d);
            double seconds = Math.max(0.001, Duration.between(startedAt, finishedAt == null ? now : finishedAt)
                    .toMillis() / 1000.0);
            double rate = d / seconds;
            Long left = finishedAt != null ? Long.valueOf(0) : rate <= 0 ? null : (long) ((all - d) / rate);
            String state = finishedAt == null ? "running" : stopped ? "stopped" : "done";
            return new Snapshot(work, d, all, rate, left, startedAt, state);
        }
    }
}

package io.loyaltybridge.hubspot;

import java.util.HashMap;
import java.util.Map;

/**
 * The records one search stream has seen whose modified time is inside the lookback window, with that time. It lets
 * a quiet cycle end after one search: when the window holds as many records as we have seen there and its newest
 * one is a version we have seen, nothing changed and nothing was indexed late. Valid only from the start of the
 * last complete read ({@link #covers}); a failed read, or more records than it keeps, forgets it all, and the next
 * cycle reads the window again. In memory: after a restart the first cycle reads the window once.
 */
final class SeenWindow {
    private static final int CAPACITY = 100_000;
    private final Map<String, Long> modified = new HashMap<>();
    private long coveredFrom = Long.MAX_VALUE;
    /** False once the read in progress overflowed the capacity: it then covers nothing. */
    private boolean whole = true;

    /** Whether every record modified at or after {@code from} that search showed has been seen. */
    synchronized boolean covers(long from) {
        return from >= coveredFrom;
    }

    /** Forgets what is older than {@code from}: the window moved past it. */
    synchronized void prune(long from) {
        modified.values().removeIf(m -> m < from);
    }

    synchronized void seen(String id, long at) {
        modified.merge(id, at, Math::max);
        if (modified.size() > CAPACITY) {
            forget();
            whole = false;
        }
    }

    /** A read from {@code from} starts. */
    synchronized void begin() {
        whole = true;
    }

    /** The read from {@code from} completed: everything modified since has been seen (unless it overflowed). */
    synchronized void complete(long from) {
        if (whole) {
            coveredFrom = from;
        }
    }

    synchronized void forget() {
        modified.clear();
        coveredFrom = Long.MAX_VALUE;
    }

    synchronized boolean isSeen(String id, long at) {
        Long known = modified.get(id);
        return known != null && known >= at;
    }

    /** Seen records modified in [from, to]. */
    synchronized long count(long from, long to) {
        return modified.values().stream().filter(m -> m >= from && m <= to).count();
    }

    /** The newest modified time seen, or {@code fallback} when none. */
    synchronized long latest(long fallback) {
        return modified.values().stream().mapToLong(Long::longValue).max().orElse(fallback);
    }
}

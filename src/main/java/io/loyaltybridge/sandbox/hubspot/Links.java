package io.loyaltybridge.sandbox.hubspot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Associations between two types (orders-contacts, deals-contacts), both ways. Stored as one {@code long[]} per
 * record that has links, grown by copy: most records have one or a few links, and a seeded million orders must fit.
 */
final class Links {
    final ObjectType from;
    final ObjectType to;
    /** HUBSPOT_DEFINED association type ids, from-&gt;to and to-&gt;from. */
    final int forwardTypeId;
    final int backwardTypeId;
    private final Map<Long, long[]> forward = new ConcurrentHashMap<>();
    private final Map<Long, long[]> backward = new ConcurrentHashMap<>();

    Links(ObjectType from, ObjectType to, int forwardTypeId, int backwardTypeId) {
        this.from = from;
        this.to = to;
        this.forwardTypeId = forwardTypeId;
        this.backwardTypeId = backwardTypeId;
    }

    synchronized boolean link(long fromId, long toId) {
        if (contains(forward.get(fromId), toId)) {
            return false;
        }
        forward.put(fromId, append(forward.get(fromId), toId));
        backward.put(toId, append(backward.get(toId), fromId));
        return true;
    }

    synchronized void unlink(long fromId, long toId) {
        forward.computeIfPresent(fromId, (k, v) -> without(v, toId));
        backward.computeIfPresent(toId, (k, v) -> without(v, fromId));
    }

    /** Ids linked to {@code id} of type {@code side}, looking across to the other type. */
    long[] of(ObjectType side, long id) {
        long[] ids = (side == from ? forward : backward).get(id);
        return ids == null ? new long[0] : ids.clone();
    }

    /** Moves every link of {@code oldId} (a record of type {@code side}) onto {@code newId}. */
    synchronized void move(ObjectType side, long oldId, long newId) {
        for (long other : of(side, oldId)) {
            if (side == from) {
                unlink(oldId, other);
                link(newId, other);
            } else {
                unlink(other, oldId);
                link(other, newId);
            }
        }
    }

    /** Removes every link of a record that is gone for good. */
    synchronized void drop(ObjectType side, long id) {
        for (long other : of(side, id)) {
            if (side == from) {
                unlink(id, other);
            } else {
                unlink(other, id);
            }
        }
    }

    int typeIdFrom(ObjectType side) {
        return side == from ? forwardTypeId : backwardTypeId;
    }

    private static boolean contains(long[] a, long v) {
        if (a != null) {
            for (long x : a) {
                if (x == v) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long[] append(long[] a, long v) {
        if (a == null) {
            return new long[] {v};
        }
        long[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    private static long[] without(long[] a, long v) {
        long[] b = java.util.Arrays.stream(a).filter(x -> x != v).toArray();
        return b.length == 0 ? null : b;
    }
}

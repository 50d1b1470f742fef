package io.loyaltybridge.sandbox.hubspot;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Records of one type by id. Ids are handed out in sequence from a base, so a record is found by arithmetic in
 * fixed chunks: four bytes of table per record instead of a hash-map entry (which costs ten times that).
 */
final class ChunkedTable {
    private static final int BITS = 16;
    private static final int SIZE = 1 << BITS;
    private final long base;
    private final AtomicLong next;
    private volatile AtomicReferenceArray<Snap>[] chunks = newChunks(0);

    ChunkedTable(long base) {
        this.base = base;
        this.next = new AtomicLong(base);
    }

    long allocate() {
        long id = next.getAndIncrement();
        ensure(id);
        return id;
    }

    Snap get(long id) {
        long i = id - base;
        if (i < 0 || id >= next.get()) {
            return null;
        }
        AtomicReferenceArray<Snap>[] c = chunks;
        int chunk = (int) (i >>> BITS);
        return chunk < c.length ? c[chunk].get((int) (i & (SIZE - 1))) : null;
    }

    void put(Snap snap) {
        long i = snap.id() - base;
        chunks[(int) (i >>> BITS)].set((int) (i & (SIZE - 1)), snap);
    }

    void remove(long id) {
        long i = id - base;
        chunks[(int) (i >>> BITS)].set((int) (i & (SIZE - 1)), null);
    }

    /** Every present record in id order, from {@code fromId} on. */
    void forEachFrom(long fromId, Consumer<Snap> action) {
        long end = next.get();
        for (long id = Math.max(fromId, base); id < end; id++) {
            Snap s = get(id);
            if (s != null) {
                action.accept(s);
            }
        }
    }

    /** Highest id handed out so far, plus one. */
    long end() {
        return next.get();
    }

    private synchronized void ensure(long id) {
        int chunk = (int) ((id - base) >>> BITS);
        AtomicReferenceArray<Snap>[] c = chunks;
        if (chunk < c.length) {
            return;
        }
        AtomicReferenceArray<Snap>[] grown = newChunks(chunk + 1);
        System.arraycopy(c, 0, grown, 0, c.length);
        for (int k = c.length; k < grown.length; k++) {
            grown[k] = new AtomicReferenceArray<>(SIZE);
        }
        chunks = grown;
    }

    @SuppressWarnings("unchecked")
    private static AtomicReferenceArray<Snap>[] newChunks(int n) {
        return new AtomicReferenceArray[n];
    }
}

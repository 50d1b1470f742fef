package io.loyaltybridge.sandbox.salesforce.data;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The org's records, one table per object. A single read/write lock keeps it simple and consistent: queries read
 * under the read lock; every write is a transaction under the write lock whose change events are handed to the
 * listener before the lock is released, so event order is commit order.
 */
public final class OrgData {
    private final Schemas schemas;
    private final Clock clock;
    private final String userId;
    private final Consumer<List<ChangeEvent>> listener;
    private final Map<SObjectType, List<SRecord>> tables = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong commitNumber = new AtomicLong(10_000_000_000L);
    private final RecordWriter writer;

    public OrgData(Schemas schemas, Clock clock, String userId, Consumer<List<ChangeEvent>> listener) {
        this.schemas = schemas;
        this.clock = clock;
        this.userId = userId;
        this.listener = listener;
        for (SObjectType t : schemas.all()) {
            tables.put(t, new ArrayList<>());
        }
        this.writer = new RecordWriter(this);
    }

    public Clock clock() {
        return clock;
    }

    public Schemas schemas() {
        return schemas;
    }

    public <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code work} as one transaction; its change events carry {@code changeOrigin}. */
    public <T> T write(String changeOrigin, Function<Tx, T> work) {
        return write(changeOrigin, clock.millis(), true, work);
    }

    /**
     * A transaction stamped {@code time}; with {@code emitEvents} false it leaves no change events, as data that
     * was loaded long before anyone subscribed (seeding).
     */
    public <T> T write(String changeOrigin, long time, boolean emitEvents, Function<Tx, T> work) {
        lock.writeLock().lock();
        try {
            Tx tx = new Tx(changeOrigin, time);
            T result = work.apply(tx);
            List<ChangeEvent> events = tx.commit(commitNumber.incrementAndGet(), userId);
            if (emitEvents && !events.isEmpty()) {
                listener.accept(events);
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public RecordWriter writer() {
        return writer;
    }

    /** All records of a type, deleted ones included, in creation order; read it under the lock. */
    public List<SRecord> records(SObjectType type) {
        return Collections.unmodifiableList(tables.get(type));
    }

    /** The record with this id (15 or 18 chars), deleted or not; null when there is none. */
    public SRecord find(String id) {
        SObjectType type = schemas.byId(id);
        if (type == null) {
            return null;
        }
        long seq = Ids.seq(id, type.keyPrefix());
        List<SRecord> table = tables.get(type);
        return seq < 1 || seq > table.size() ? null : table.get((int) seq - 1);
    }

    /** The User the sandbox's API caller is (and the default owner of what it creates). */
    public String userId() {
        return userId;
    }

    SRecord newRecord(SObjectType type) {
        List<SRecord> table = tables.get(type);
        SRecord r = new SRecord(type, table.size() + 1);
        table.add(r);
        return r;
    }

    public int count(SObjectType type) {
        return read(() -> tables.get(type).size());
    }
}

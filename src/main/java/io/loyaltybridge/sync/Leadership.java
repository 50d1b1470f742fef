package io.loyaltybridge.sync;

import io.loyaltybridge.store.PgLeases;
import io.loyaltybridge.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one instance of a cluster in charge of something that must run once (a CRM's event subscriptions): it
 * tries to take the named database lease every third of its lifetime, starts the work when it gets it and stops
 * it when it loses it (or cannot reach the database to renew, since the lease may then run out under it). A
 * stopped instance's lease is taken over by another within one lifetime and one renewal interval.
 */
public final class Leadership implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    /** What starts and stops with the lease. Called from the lease's own thread, never twice in a row. */
    public interface Duty {
        void gained() throws Exception;

        void lost() throws Exception;
    }

    private final Transactions tx;
    private final PgLeases leases;
    private final String name;
    private final String holder;
    private final Duration ttl;
    private final ScheduledExecutorService timer;
    private Duty duty;
    private boolean held;

    public Leadership(Transactions tx, String name, String holder, Duration ttl) {
        this.tx = tx;
        this.leases = new PgLeases(tx);
        this.name = name;
        this.holder = holder;
        this.ttl = ttl;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "lease-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start(Duty duty) {
        this.duty = duty;
        timer.scheduleWithFixedDelay(this::renew, 0, Math.max(100, ttl.toMillis() / 3), TimeUnit.MILLISECONDS);
    }

    /** A name for this process that no other instance has: host, process id and a random part. */
    public static String newHolder() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    public String holder() {
        return holder;
    }

    private void renew() {
        boolean has;
        try {
            has = tx.inTransaction(() -> leases.acquire(name, holder, ttl));
        } catch (RuntimeException e) {
            LOG.warn("Lease {} could not be renewed: {}", name, e.getMessage());
            has = false;
        }
        try {
            if (has && !held) {
                held = true;
                LOG.info("This instance ({}) now runs {}", holder, name);
                duty.gained();
            } else if (!has && held) {
                held = false;
                LOG.info("This instance ({}) no longer runs {}", holder, name);
                duty.lost();
            }
        } catch (Exception e) {
            LOG.error("Lease {}: starting or stopping its work failed", name, e);
        }
    }

    /** Stops the work and gives the lease back, so another instance takes it over without waiting. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (held) {
            held = false;
            try {
                duty.lost();
            } catch (Exception e) {
                LOG.warn("Lease {}: stopping its work failed: {}", name, e.getMessage());
            }
        }
        try {
            tx.inTransaction(() -> {
                leases.release(name, holder);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Lease {} not released (it expires by itself): {}", name, e.getMessage());
        }
    }
}

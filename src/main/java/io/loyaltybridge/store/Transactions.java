package io.loyaltybridge.store;

import io.loyaltybridge.domain.UnitOfWork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

/**
 * Thread-bound JDBC transactions. The outermost {@link #inTransaction} owns the connection; nested calls join it.
 * A deadlock or serialization failure rolls back and runs the whole unit again, a few times, because the work is
 * written to be repeatable (every ledger write is keyed).
 */
public final class Transactions implements UnitOfWork {
    private static final int ATTEMPTS = 8;
    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                current.set(connection);
                try {
                    T result = work.get();
                    connection.commit();
                    return result;
                } catch (RuntimeException | Error failure) {
                    connection.rollback();
                    if (attempt < ATTEMPTS && isTransient(failure)) {
                        backOff(attempt);
                        continue;
                    }
                    throw failure;
                } finally {
                    current.remove();
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException("could not run a transaction", e);
            }
        }
    }

    /**
     * Runs {@code work} inside the current transaction behind a savepoint: if it throws, only its own writes are
     * undone and the transaction stays usable (PostgreSQL otherwise aborts the whole transaction on any error).
     * Deadlocks and serialization failures are rethrown untouched so the whole unit is retried.
     */
    public <T> T inSavepoint(Supplier<T> work) {
        Connection connection = connection();
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw new StoreException("could not set a savepoint", e);
        }
        try {
            T result = work.get();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException failure) {
            if (isTransient(failure)) {
                throw failure;
            }
            try {
                connection.rollback(savepoint);
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        } catch (SQLException e) {
            throw new StoreException("could not release a savepoint", e);
        }
    }

    /** The connection of the transaction on this thread; repositories only run inside one. */
    Connection connection() {
        Connection connection = current.get();
        if (connection == null) {
            throw new IllegalStateException("repository used outside a transaction");
        }
        return connection;
    }

    /** Runs read-only work in a transaction of its own, or in the caller's. */
    public <T> T read(Supplier<T> work) {
        return inTransaction(work);
    }

    /**
     * Waits before trying again, longer each time and by a random share, so two transactions that collided do not
     * collide again at once (another instance's batch may hold its locks for seconds).
     */
    private static void backOff(int attempt) {
        long ceiling = Math.min(2_000, 25L << attempt);
        try {
            Thread.sleep(ceiling / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to retry a transaction", e);
        }
    }

    private static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package io.loyaltybridge.store;

import io.loyaltybridge.domain.program.jobs.JobRuns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The job run log in PostgreSQL ({@code job_runs}), and each job's lock: a session-level advisory lock on a
 * connection of its own, so it holds across the run's many transactions, in every instance sharing the database,
 * and goes away with the connection if the process dies mid-run.
 */
public final class PgJobRuns implements JobRuns {
    /** The advisory lock of job {@code name} is (LOCK_SPACE, hashtext(name)): the first key keeps it apart. */
    public static final int LOCK_SPACE = 0x4c42_4a42;
    private static final String RUN = "SELECT id, job, started_at, finished_at, changes, error, started_by,"
            + " (finished_at IS NULL AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory'"
            + "   AND l.classid::int = " + LOCK_SPACE + " AND l.objid::int = hashtext(job) AND l.objsubid = 2"
            + "   AND l.granted)) AS running FROM job_runs";

    /** One logged run; {@code running} false with no {@code finishedAt} means its process died mid-run. */
    public record Run(long id, String job, Instant startedAt, Instant finishedAt, int changes, String error,
                      String startedBy, boolean running) {
    }

    private final Sql sql;
    private final DataSource dataSource;

    public PgJobRuns(Transactions transactions, DataSource dataSource) {
        this.sql = new Sql(transactions);
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Claim> claim(String job) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (!lock(connection, "SELECT pg_try_advisory_lock(?, hashtext(?))", job)) {
                connection.close();
                return Optional.empty();
            }
            Connection held = connection;
            return Optional.of(() -> unlock(held, job));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("could not take the lock of job " + job, e);
        }
    }

    @Override
    public long started(String job, Instant at, String by) {
        return sql.one("INSERT INTO job_runs (job, started_at, started_by) VALUES (?, ?, ?) RETURNING id",
                row -> row.getLong(1), job, at, by).orElseThrow();
    }

    @Override
    public void finished(long run, Instant at, int changes, String error) {
        sql.update("UPDATE job_runs SET finished_at = ?, changes = ?, error = ? WHERE id = ?", at, changes, error, run);
    }

    /** The latest run of each job that ever ran. */
    @Override
    public Optional<Instant> lastSucceeded(String job) {
        return sql.one("SELECT started_at FROM job_runs WHERE job = ? AND finished_at IS NOT NULL AND error IS NULL"
                + " ORDER BY started_at DESC LIMIT 1", row -> Sql.instant(row, "started_at"), job);
    }

    public List<Run> latest() {
        return sql.list(RUN + " WHERE id IN (SELECT max(id) FROM job_runs GROUP BY job)", PgJobRuns::run);
    }

    public Optional<Run> run(String job, long id) {
        return sql.one(RUN + " WHERE job = ? AND id = ?", PgJobRuns::run, job, id);
    }

    private static Run run(ResultSet row) throws SQLException {
        return new Run(row.getLong("id"), row.getString("job"), Sql.instant(row, "started_at"),
                Sql.instant(row, "finished_at"), row.getInt("changes"), row.getString("error"),
                row.getString("started_by"), row.getBoolean("running"));
    }

    private static boolean lock(Connection connection, String statement, String job) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(statement)) {
            s.setInt(1, LOCK_SPACE);
            s.setString(2, job);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, String job) {
        try (connection) {
            lock(connection, "SELECT pg_advisory_unlock(?, hashtext(?))", job);
        } catch (SQLException e) {
            // A connection that cannot run the unlock has most likely lost its session, and the lock with it.
            throw new StoreException("could not let go of the lock of job " + job, e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the failure being reported is the one that matters
            }
        }
    }
}

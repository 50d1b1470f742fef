package io.loyaltybridge.store;

import io.loyaltybridge.domain.program.JobRuns;

import java.time.Instant;
import java.util.Optional;

/** The job run log in PostgreSQL. */
public final class PgJobRuns implements JobRuns {
    private final Sql sql;

    public PgJobRuns(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    @Override
    public long started(String job, Instant at) {
        return sql.one("INSERT INTO job_runs (job, started_at) VALUES (?, ?) RETURNING id", row -> row.getLong(1),
                job, at).orElseThrow();
    }

    @Override
    public void finished(long run, Instant at, int changes, String error) {
        sql.update("UPDATE job_runs SET finished_at = ?, changes = ?, error = ? WHERE id = ?", at, changes, error, run);
    }

    @Override
    public Optional<Instant> lastSucceeded(String job) {
        return sql.one("SELECT started_at FROM job_runs WHERE job = ? AND finished_at IS NOT NULL AND error IS NULL"
                + " ORDER BY started_at DESC LIMIT 1", row -> Sql.instant(row, "started_at"), job);
    }
}

package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.store.PgJobRuns;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program's jobs on demand over real HTTP: listed with their schedule and last run, started now (202, audited),
 * their outcome read back, and refused with 409 while a run of the job holds its lock anywhere in the cluster (the
 * test holds it from a connection of its own, as another instance would).
 */
class JobsApiTest {
    private static RichFixture fx;

    @BeforeAll
    static void start() {
        fx = new RichFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** Starts the job and waits (generously: the machine may be loaded) for its run to end; returns the run. */
    static JsonNode runToTheEnd(Http http, String job) {
        Http.Response started = http.post("/api/jobs/" + job + "/runs", "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String href = started.json().get("href").asText();
        assertThat(href).isEqualTo("/api/jobs/" + job + "/runs/" + started.json().get("id").asLong());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = http.get(href).json();
            if (!"running".equals(run.get("outcome").asText())) {
                return run;
            }
            sleep(100);
        }
        throw new AssertionError("run " + href + " did not end within two minutes");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HeldLock holdingTheLockOf(String job) throws SQLException {
        Connection c = DriverManager.getConnection(fx.databaseUrl);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + PgJobRuns.LOCK_SPACE + ", hashtext('" + job + "'))");
        }
        return new HeldLock(c, job);
    }

    /**
     * Another instance holding a job's lock. Released explicitly before its connection closes: a closed connection's
     * backend lets its locks go only as it exits, a moment later, and a loaded machine made that moment visible.
     */
    private record HeldLock(Connection connection, String job) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + PgJobRuns.LOCK_SPACE + ", hashtext('" + job + "'))");
            } finally {
                connection.close();
            }
        }
    }

    private static List<String> auditActions() {
        List<String> actions = new ArrayList<>();
        fx.http.get("/api/audit").json().path("entries").forEach(e ->
                actions.add(e.get("actor").asText() + " " + e.get("action").asText() + " " + e.get("target").asText()));
        return actions;
    }

    @Test
    void a_job_started_through_the_api_runs_now_and_its_outcome_and_last_run_can_be_read() {
        fx.memberWith("jobs@example.com", "40");

        JsonNode run = runToTheEnd(fx.http, "segments-and-cltv");

        assertThat(run.get("outcome").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("job").asText()).isEqualTo("segments-and-cltv");
        assertThat(run.get("rowsChanged").asInt()).isPositive();
        assertThat(run.get("durationMs").asLong()).isNotNegative();
        assertThat(run.get("startedBy").asText()).isEqualTo("api-token");
        assertThat(auditActions()).contains("api-token job.started job:segments-and-cltv");

        JsonNode jobs = fx.http.get("/api/jobs").json().get("jobs");
        List<String> names = new ArrayList<>();
        jobs.forEach(j -> names.add(j.get("name").asText()));
        assertThat(names).containsExactly("segments-and-cltv", "tier-assessment", "expiry", "pending-release",
                "birthday-bonus", "contest-close");
        JsonNode segments = jobs.get(0);
        assertThat(segments.get("schedule").asText()).isEqualTo("0 0 3 * * ?");
        assertThat(segments.get("timeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(segments.at("/lastRun/id").asLong()).isEqualTo(run.get("id").asLong());
        assertThat(segments.at("/lastRun/outcome").asText()).isEqualTo("succeeded");
        assertThat(segments.at("/lastRun/rowsChanged").asInt()).isEqualTo(run.get("rowsChanged").asInt());

        // Same idempotence as the scheduled run: at once again, nothing left to change.
        assertThat(runToTheEnd(fx.http, "segments-and-cltv").get("rowsChanged").asInt()).isZero();
    }

    @Test
    void a_job_whose_lock_is_held_elsewhere_in_the_cluster_is_refused_with_409_and_the_scheduled_run_skips()
            throws SQLException {
        long runs = Db.count(fx.databaseUrl, "job_runs");
        int audited = auditActions().size();
        try (HeldLock otherInstance = holdingTheLockOf("expiry")) {
            Http.Response refused = fx.http.post("/api/jobs/expiry/runs", "");

            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains("expiry is running");
            assertThat(fx.app.core().jobs().expiry().skipped()).isTrue();
            assertThat(Db.count(fx.databaseUrl, "job_runs")).isEqualTo(runs);
            assertThat(auditActions()).hasSize(audited);
            // Another job is not held up by it.
            assertThat(runToTheEnd(fx.http, "pending-release").get("outcome").asText()).isEqualTo("succeeded");
        }
        assertThat(runToTheEnd(fx.http, "expiry").get("outcome").asText()).isEqualTo("succeeded");
    }

    @Test
    void a_run_left_unfinished_shows_running_while_its_lock_is_held_and_interrupted_once_it_is_not()
            throws SQLException {
        long id = Db.longValue(fx.databaseUrl, "INSERT INTO job_runs (job, started_at) VALUES ('birthday-bonus',"
                + " now()) RETURNING id");
        String href = "/api/jobs/birthday-bonus/runs/" + id;
        try (HeldLock otherInstance = holdingTheLockOf("birthday-bonus")) {
            assertThat(fx.http.get(href).json().get("outcome").asText()).isEqualTo("running");
        }
        assertThat(fx.http.get(href).json().get("outcome").asText()).isEqualTo("interrupted");
        assertThat(fx.http.get(href).json().get("startedBy").asText()).isEqualTo("schedule");
    }

    @Test
    void an_unknown_job_or_run_is_404() {
        assertThat(fx.http.post("/api/jobs/reindex/runs", "").status()).isEqualTo(404);
        assertThat(fx.http.get("/api/jobs/reindex/runs/1").status()).isEqualTo(404);
        assertThat(fx.http.get("/api/jobs/expiry/runs/99999999").status()).isEqualTo(404);
        assertThat(fx.http.get("/api/jobs/expiry/runs/abc").status()).isEqualTo(404);
    }
}

package io.loyaltybridge.api;

import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.program.jobs.Jobs;
import io.loyaltybridge.domain.program.jobs.ProgramJobs;
import io.loyaltybridge.store.PgJobRuns;
import io.loyaltybridge.store.Transactions;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /api/jobs} (each job's schedule and last run), {@code POST /api/jobs/{name}/runs} (run one now: 202 with
 * the run's id, 409 while a run of it holds its lock anywhere in the cluster; audited) and
 * {@code GET /api/jobs/{name}/runs/{id}} (how that run went). A run started here is the scheduled run's work, with
 * its idempotence: it goes on in the background after the answer.
 */
public final class JobsApi {
    private static final Logger LOG = LoggerFactory.getLogger(JobsApi.class);
    private final ApiGuard guard;
    private final ProgramJobs jobs;
    private final PgJobRuns runs;
    private final Transactions tx;
    private final Map<String, String> schedules;
    private final ZoneId zone;
    private final ExecutorService background = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "job-on-demand");
        thread.setDaemon(true);
        return thread;
    });

    public JobsApi(ApiGuard guard, ProgramJobs jobs, PgJobRuns runs, Transactions tx, Jobs schedules, ZoneId zone) {
        this.guard = guard;
        this.jobs = jobs;
        this.runs = runs;
        this.tx = tx;
        this.schedules = Map.of("segments-and-cltv", schedules.segmentsAndCltv(),
                "tier-assessment", schedules.tierAssessment(), "expiry", schedules.expiry(),
                "pending-release", schedules.pendingRelease(), "birthday-bonus", schedules.birthdayBonus(),
                "contest-close", schedules.contestClose());
        this.zone = zone;
    }

    public void list(Exchange exchange) {
        guard.handle(exchange, request -> {
            Map<String, PgJobRuns.Run> latest = new LinkedHashMap<>();
            tx.read(() -> runs.latest()).forEach(run -> latest.put(run.job(), run));
            List<Map<String, Object>> view = ProgramJobs.NAMES.stream().map(name -> {
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("name", name);
                job.put("schedule", schedules.get(name));
                job.put("timeZone", zone.getId());
                job.put("lastRun", latest.containsKey(name) ? run(latest.get(name)) : null);
                return job;
            }).toList();
            return Reply.ok(Map.of("jobs", view));
        });
    }

    public void start(Exchange exchange) {
        guard.handle(exchange, request -> {
            String name = request.query("name");
            AtomicReference<ProgramJobs.Run> begun = new AtomicReference<>();
            ProgramJobs.Run run;
            try {
                run = request.audited("job.started", () -> {
                    begun.set(jobs.begin(name, request.actor()).orElseThrow(() -> new Conflict("job_running", "job "
                            + name + " is running (here or in another instance); ask again when it has finished")));
                    return begun.get();
                }, started -> new AuditTrail.Entry("job:" + name, null, Map.of("runId", started.id())));
            } catch (RuntimeException failure) {
                // The run was not logged after all: let its lock go rather than hold it until this process ends.
                if (begun.get() != null) {
                    begun.get().claim().close();
                }
                throw failure;
            }
            // Only now is the run's row committed, for the background thread to finish.
            background.execute(() -> finish(run));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", run.id());
            view.put("job", name);
            view.put("outcome", "running");
            view.put("href", "/api/jobs/" + name + "/runs/" + run.id());
            return new Reply(202, view);
        });
    }

    public void run(Exchange exchange) {
        guard.handle(exchange, request -> {
            String name = request.query("name");
            if (!ProgramJobs.NAMES.contains(name)) {
                throw new NotFound("no job " + name + " (jobs: " + String.join(", ", ProgramJobs.NAMES) + ")");
            }
            String raw = request.query("runId");
            long id;
            try {
                id = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw new NotFound("no run " + raw + " of job " + name);
            }
            return Reply.ok(run(tx.read(() -> runs.run(name, id))
                    .orElseThrow(() -> new NotFound("no run " + id + " of job " + name))));
        });
    }

    private void finish(ProgramJobs.Run run) {
        try {
            var report = jobs.finish(run);
            LOG.info("Job {} (run {}, on demand) finished: {} changes", run.job(), run.id(), report.changes());
        } catch (RuntimeException failure) {
            LOG.warn("Job {} (run {}, on demand) failed: {}", run.job(), run.id(), failure.toString());
        }
    }

    private static Map<String, Object> run(PgJobRuns.Run r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id());
        view.put("job", r.job());
        view.put("outcome", r.finishedAt() != null ? (r.error() == null ? "succeeded" : "failed")
                : r.running() ? "running" : "interrupted");
        view.put("startedAt", r.startedAt().toString());
        view.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        view.put("durationMs", r.finishedAt() == null ? null
                : Duration.between(r.startedAt(), r.finishedAt()).toMillis());
        view.put("rowsChanged", r.changes());
        view.put("error", r.error());
        view.put("startedBy", r.startedBy() == null ? "schedule" : r.startedBy());
        return view;
    }
}

package io.loyaltybridge.salesforce;

import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJob;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs Bulk API 2.0 query jobs to completion and hands back their rows. Salesforce gives no completion callback,
 * so a job's state is polled, with a growing pause between polls. Jobs started together run at once on
 * Salesforce's side: {@link #start} them all, then {@link #await} each.
 */
final class BulkJobs {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);
    private static final Duration GIVE_UP = Duration.ofHours(2);

    private final SalesforceApi api;
    private final int pageSize;

    BulkJobs(SalesforceApi api, int pageSize) {
        this.api = api;
        this.pageSize = pageSize;
    }

    /** Rows per result page asked of Salesforce. */
    int pageSize() {
        return pageSize;
    }

    BulkRows run(String soql) {
        return await(start(soql));
    }

    QueryJob start(String soql) {
        return api.createQueryJob(soql);
    }

    BulkRows await(QueryJob job) {
        Duration pause = FIRST_PAUSE;
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        JobStateEnum state = job.getState();
        QueryJob latest = job;
        while (state != JobStateEnum.JOB_COMPLETE) {
            if (state == JobStateEnum.FAILED || state == JobStateEnum.ABORTED || System.nanoTime() > deadline) {
                throw new IllegalStateException("Bulk query job " + job.getId() + " ended " + state);
            }
            LockSupport.parkNanos(pause.toNanos());
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            latest = api.queryJob(job.getId());
            state = latest.getState();
        }
        Long records = latest.getNumberRecordsProcessed();
        return new BulkRows(api, job.getId(), pageSize, records == null ? 0 : records);
    }
}

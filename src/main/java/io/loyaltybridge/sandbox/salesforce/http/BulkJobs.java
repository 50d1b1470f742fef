package io.loyaltybridge.sandbox.salesforce.http;

import io.loyaltybridge.sandbox.salesforce.data.Ids;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;
import io.loyaltybridge.sandbox.salesforce.soql.BoundQuery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Bulk API 2.0 query jobs. The rows are selected when the job is created; the job reports done on its next poll. */
public final class BulkJobs {
    private final ConcurrentHashMap<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    /** One query job; {@code polls} lets a job pass through InProgress before JobComplete, as real ones do. */
    public static final class Job {
        final String id;
        final String operation;
        final String soql;
        final BoundQuery query;
        final List<SRecord> rows;
        final long createdDate;
        final AtomicInteger polls = new AtomicInteger();
        volatile String state = "UploadComplete";

        Job(String id, String operation, String soql, BoundQuery query, List<SRecord> rows, long createdDate) {
            this.id = id;
            this.operation = operation;
            this.soql = soql;
            this.query = query;
            this.rows = rows;
            this.createdDate = createdDate;
        }

        /** Each poll moves a running job one step: UploadComplete → InProgress → JobComplete. */
        String poll() {
            int n = polls.incrementAndGet();
            if (!state.equals("Aborted")) {
                state = n == 1 ? "InProgress" : "JobComplete";
            }
            return state;
        }
    }

    Job create(String operation, String soql, BoundQuery q, List<SRecord> rows, long now) {
        long n = next.incrementAndGet();
        String id = Ids.of("750", n);
        Job job = new Job(id, operation, soql, q, q.order() == null ? unordered(rows, n) : rows, now);
        jobs.put(id, job);
        return job;
    }

    /**
     * A query without ORDER BY has no defined order in Bulk API 2.0: Salesforce splits a large object into chunks of
     * Id ranges (PK chunking) and writes the results of chunks processed in parallel as they finish. The sandbox
     * shuffles such rows, with the job's number as the seed, so a client that relies on Id order fails here every
     * time and reproducibly, not only on a large org.
     */
    private static List<SRecord> unordered(List<SRecord> rows, long seed) {
        List<SRecord> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled;
    }

    Job get(String id) {
        String full = Ids.normalize(id);
        return full == null ? null : jobs.get(full);
    }

    void delete(String id) {
        jobs.remove(id);
    }
}

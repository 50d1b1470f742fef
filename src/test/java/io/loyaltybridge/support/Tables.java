package io.loyaltybridge.support;

import java.util.Map;
import java.util.TreeMap;

/**
 * Row counts of every table of the schema, to show a call changed nothing. The scheduler's own tables and its run log
 * ({@code job_runs}) are left out: the app under test runs the program's scheduled jobs, some every hour (pending
 * release on the hour, contest close at twenty past, program time), and a run that falls inside a test's window
 * logs itself whatever the test did (a suite at 23:20 UTC failed so). What a job changes is still counted in the
 * other tables.
 */
public final class Tables {
    private Tables() {
    }

    public static Map<String, Long> counts(String url) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : Db.rows(url, "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                + " current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'qrtz%'"
                + " AND table_name NOT IN ('flyway_schema_history', 'job_runs')")) {
            counts.put(table, Db.count(url, "\"" + table + "\""));
        }
        counts.put("sum of balances", Db.longValue(url,
                "SELECT coalesce(sum(available), 0) FROM member_balances"));
        return counts;
    }
}

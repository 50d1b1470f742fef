package io.loyaltybridge.support;

import java.util.Map;
import java.util.TreeMap;

/** Row counts of every table of the schema (the scheduler's own excepted), to show a call changed nothing. */
public final class Tables {
    private Tables() {
    }

    public static Map<String, Long> counts(String url) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : Db.rows(url, "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                + " current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'qrtz%'"
                + " AND table_name <> 'flyway_schema_history'")) {
            counts.put(table, Db.count(url, "\"" + table + "\""));
        }
        counts.put("sum of balances", Db.longValue(url,
                "SELECT coalesce(sum(available), 0) FROM member_balances"));
        return counts;
    }
}

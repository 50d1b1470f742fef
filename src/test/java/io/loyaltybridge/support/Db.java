package io.loyaltybridge.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct reads of a test database, to check what a call did or did not leave behind. */
public final class Db {
    private Db() {
    }

    public static long count(String url, String table) {
        return longValue(url, "SELECT count(*) FROM " + table);
    }

    public static long longValue(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.loyaltybridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few JDBC moves the repositories repeat: bind parameters, map rows, wrap SQLExceptions with what was done. */
final class Sql {
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Transactions transactions;

    Sql(Transactions transactions) {
        this.transactions = transactions;
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw wrap(sql, e);
        }
    }

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    int update(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw wrap(sql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        Connection connection = transactions.connection();
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object param = params[i];
            if (param instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (param instanceof LongArray array) {
                statement.setArray(i + 1, connection.createArrayOf("bigint", array.boxed()));
            } else if (param instanceof TextArray array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array.values()));
            } else if (param instanceof Column column) {
                statement.setArray(i + 1, connection.createArrayOf(column.type(), column.values()));
            } else if (param instanceof Json json) {
                statement.setObject(i + 1, json.text(), Types.OTHER);
            } else {
                statement.setObject(i + 1, param);
            }
        }
        return statement;
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static StoreException wrap(String sql, SQLException e) {
        // Server error details (which may quote personal data) are switched off on the connection; see Database.
        String head = sql.strip().replaceAll("\\s+", " ");
        return new StoreException("database statement failed [" + head.substring(0, Math.min(50, head.length()))
                + "...]: " + e.getMessage(), e);
    }

    static LongArray longArray(long[] values) {
        return new LongArray(values);
    }

    /** A parameter to bind as bigint[] (for {@code = ANY (?)}: one statement for a whole batch). */
    record LongArray(long[] values) {
        Long[] boxed() {
            return java.util.Arrays.stream(values).boxed().toArray(Long[]::new);
        }
    }

    /** A parameter to bind as text[]. */
    record TextArray(String[] values) {
    }

    /**
     * A column of a multi-row statement, bound as one array of {@code type} and read back with {@code unnest}: one
     * statement writes a whole batch, however many rows.
     */
    record Column(String type, Object[] values) {
        static Column of(String type, java.util.List<?> values) {
            return new Column(type, values.toArray());
        }
    }

    /** A parameter to bind as jsonb. */
    record Json(String text) {
    }
}

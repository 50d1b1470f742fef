package io.loyaltybridge.api;

import io.loyaltybridge.domain.kpi.Kpis;
import io.loyaltybridge.domain.kpi.Ratio;
import io.loyaltybridge.domain.kpi.Report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table of the program figures, by name: the JSON of {@code GET /api/kpis/program} and each CSV download are
 * written from the same rows, so the two can never disagree. Money is a plain decimal in the program currency.
 */
final class ReportTables {
    static final List<String> NAMES = List.of("tiers", "segments", "points", "liability", "expiry", "tier-moves",
            "participation", "campaigns", "rewards");

    /** Column names (camelCase, as in the JSON) and rows in the same order. */
    record Table(List<String> columns, List<List<Object>> rows) {
        List<Map<String, Object>> maps() {
            return rows.stream().map(row -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    map.put(columns.get(i), row.get(i));
                }
                return map;
            }).toList();
        }

        String csv() {
            StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
            rows.forEach(row -> csv.append(String.join(",", row.stream().map(ReportTables::cell).toList()))
                    .append('\n'));
            return csv.toString();
        }
    }

    private ReportTables() {
    }

    /** The named table, or null for a name not in {@link #NAMES}. */
    static Table table(String name, Kpis k, Report r) {
        return switch (name) {
            case "tiers" -> of(cols("tier", "members"),
                    k.tiers().stream().map(t -> row(t.tier(), t.members())).toList());
            case "segments" -> of(cols("segment", "kind", "members"), k.segments().stream()
                    .map(s -> row(s.segment(), s.custom() ? "custom" : "rfm", s.members())).toList());
            case "points" -> of(cols("month", "issued", "redeemed", "expired"), k.months().stream()
                    .map(m -> row(m.month().toString(), m.issued(), m.redeemed(), m.expired())).toList());
            case "liability" -> of(cols("points", "pendingPoints", "totalPoints", "pointValue", "pointsMoney",
                    "cashback", "money", "currency"), List.of(liability(r)));
            case "expiry" -> of(cols("month", "points", "money"), r.expiring().stream()
                    .map(m -> row(m.month().toString(), m.points(), m.money())).toList());
            case "tier-moves" -> of(cols("month", "up", "down"), r.tierMoves().stream()
                    .map(m -> row(m.month().toString(), m.up(), m.down())).toList());
            case "participation" -> of(cols("participating", "members", "rate"), List.of(ratio(r.participation())));
            case "campaigns" -> of(cols("campaign", "name", "members", "orders", "revenue", "points", "cost",
                    "return"), r.campaigns().stream().map(c -> row(c.id(), c.name(), c.members(), c.orders(),
                    c.revenue(), c.points(), c.cost(), c.returns())).toList());
            case "rewards" -> of(cols("reward", "name", "account", "members", "redemptions", "orders", "revenue",
                    "points", "cashback", "cost", "return"), r.rewards().stream().map(w -> row(w.id(), w.name(),
                    w.account(), w.members(), w.redemptions(), w.orders(), w.revenue(), w.points(), w.cashback(),
                    w.cost(), w.returns())).toList());
            default -> null;
        };
    }

    private static List<Object> liability(Report r) {
        long total = r.liability().points() + r.liability().pendingPoints();
        BigDecimal pointsMoney = r.pointValue() == null ? null : r.pointValue().multiply(BigDecimal.valueOf(total));
        return row(r.liability().points(), r.liability().pendingPoints(), total, r.pointValue(), pointsMoney,
                r.cashback(), r.liabilityMoney(), r.currency());
    }

    private static List<Object> ratio(Ratio ratio) {
        return row(ratio.numerator(), ratio.denominator(), ratio.value());
    }

    private static Table of(List<String> columns, List<List<Object>> rows) {
        return new Table(columns, rows);
    }

    private static List<String> cols(String... names) {
        return List.of(names);
    }

    private static List<Object> row(Object... cells) {
        // Arrays.asList, not List.of: a money figure without a point value is a null cell.
        return new ArrayList<>(Arrays.asList(cells));
    }

    /** Empty for null; quoted when it holds a comma, quote or line break (names come from the program file). */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}

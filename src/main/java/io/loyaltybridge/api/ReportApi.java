package io.loyaltybridge.api;

import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.kpi.Kpis;
import io.loyaltybridge.domain.kpi.ProgramKpis;
import io.loyaltybridge.domain.kpi.ProgramReport;
import io.loyaltybridge.domain.kpi.Report;
import io.loyaltybridge.domain.program.Program;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/kpis/program}, the figures a program manager reports on, and {@code GET /api/kpis/csv/{table}},
 * any table of the status page's program figures as CSV (definitions in the README, "Program figures").
 */
public final class ReportApi {
    private final ApiGuard guard;
    private final ProgramKpis kpis;
    private final ProgramReport report;
    private final Program program;

    public ReportApi(ApiGuard guard, ProgramKpis kpis, ProgramReport report, Program program) {
        this.guard = guard;
        this.kpis = kpis;
        this.report = report;
        this.program = program;
    }

    public void program(Exchange exchange) {
        guard.handle(exchange, request -> {
            Report r = report.now();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("asOf", r.asOf().toString());
            view.put("currency", r.currency());
            view.put("locale", program.reporting().locale().toLanguageTag());
            view.put("timeZone", program.zone().getId());
            view.put("pointValue", r.pointValue());
            view.put("liability", ReportTables.table("liability", null, r).maps().get(0));
            view.put("expiryForecast", ReportTables.table("expiry", null, r).maps());
            view.put("tierMoves", ReportTables.table("tier-moves", null, r).maps());
            view.put("participation", ReportTables.table("participation", null, r).maps().get(0));
            view.put("campaigns", ReportTables.table("campaigns", null, r).maps());
            view.put("rewards", ReportTables.table("rewards", null, r).maps());
            return Reply.ok(view);
        });
    }

    public void csv(Exchange exchange) {
        guard.handle(exchange, request -> {
            String raw = request.query("table");
            String name = raw == null ? "" : raw.replaceFirst("\\.csv$", "");
            if (!ReportTables.NAMES.contains(name)) {
                throw new NotFound("no table " + raw + "; the tables are " + String.join(", ", ReportTables.NAMES));
            }
            // Only the half a table needs is read: the report for its own tables, the KPIs for theirs.
            boolean fromKpis = name.equals("tiers") || name.equals("segments") || name.equals("points");
            Kpis k = fromKpis ? kpis.now() : null;
            Report r = fromKpis ? null : report.now();
            return Reply.ok(new Reply.Text("text/csv; charset=utf-8", ReportTables.table(name, k, r).csv()));
        });
    }
}

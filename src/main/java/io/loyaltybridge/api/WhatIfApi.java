package io.loyaltybridge.api;

import io.loyaltybridge.app.program.ProgramFileException;
import io.loyaltybridge.app.whatif.WhatIfCsv;
import io.loyaltybridge.app.whatif.WhatIfRun;
import io.loyaltybridge.app.whatif.WhatIfRuns;
import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.NotFound;
import org.apache.camel.Exchange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code POST /api/program/what-if} (a candidate program file as the body: checked like the file at start, every
 * problem a 400 naming its path; then 202 with the run's id, 409 while a run is going; audited),
 * {@code GET /api/program/what-if/{runId}} (progress, then the comparison) and {@code .../{runId}/members} (every
 * member under both programs as CSV).
 */
public final class WhatIfApi {
    /** YAML has no one registered type; a pasted file may come as plain text. */
    private static final Set<String> YAML = Set.of("application/yaml", "application/x-yaml", "text/yaml",
            "text/x-yaml", "text/plain");
    private final ApiGuard guard;
    private final WhatIfRuns runs;
    private final String currency;

    public WhatIfApi(ApiGuard guard, WhatIfRuns runs, String currency) {
        this.guard = guard;
        this.runs = runs;
        this.currency = currency;
    }

    public void start(Exchange exchange) {
        guard.handle(exchange, request -> {
            LocalDate from = day(request.query("from"));
            byte[] candidate = request.raw(YAML);
            AtomicReference<WhatIfRuns.Prepared> taken = new AtomicReference<>();
            try {
                request.audited("program.what-if", () -> {
                    taken.set(runs.prepare(candidate, from, request.actor()));
                    return taken.get();
                }, prepared -> new AuditTrail.Entry("what-if:" + prepared.run().id(), null, Map.of(
                        "runId", prepared.run().id(), "candidateVersion", prepared.run().candidateVersion(),
                        "from", from == null ? "all" : from.toString(),
                        "rulesChanged", prepared.run().changes().size())));
            } catch (ProgramFileException bad) {
                throw new InvalidInput(bad.problems());
            } catch (RuntimeException failure) {
                // The start was not recorded: give the place back rather than run unaudited.
                if (taken.get() != null) {
                    runs.abandon(taken.get());
                }
                throw failure;
            }
            runs.launch(taken.get());
            return new Reply(202, WhatIfViews.run(taken.get().run(), currency));
        });
    }

    public void run(Exchange exchange) {
        guard.handle(exchange, request -> Reply.ok(WhatIfViews.run(find(request), currency)));
    }

    public void members(Exchange exchange) {
        guard.handle(exchange, request -> {
            WhatIfRun run = find(request);
            if (run.comparison() == null) {
                throw new NotFound("what-if run " + run.id() + " has no result (" + run.state().name()
                        .toLowerCase(java.util.Locale.ROOT) + ")");
            }
            return Reply.ok(new Reply.Text("text/csv; charset=utf-8",
                    WhatIfCsv.of(run.comparison(), WhatIfCsv.digits(currency))));
        });
    }

    private WhatIfRun find(ApiRequest request) {
        String raw = request.query("runId");
        try {
            return runs.run(Long.parseLong(raw)).orElseThrow(() -> new NotFound("no what-if run " + raw
                    + " (the last few runs of this process are kept)"));
        } catch (NumberFormatException e) {
            throw new NotFound("no what-if run " + raw);
        }
    }

    private static LocalDate day(String raw) {
        try {
            return raw == null ? null : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("from", "must be a day such as 2026-01-01 (orders placed from it are replayed)");
        }
    }

    static Map<String, Object> href(long id) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", "/api/program/what-if/" + id);
        links.put("members", "/api/program/what-if/" + id + "/members");
        return links;
    }
}

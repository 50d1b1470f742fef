package io.loyaltybridge.api;

import io.loyaltybridge.app.whatif.WhatIfCsv;
import io.loyaltybridge.app.whatif.WhatIfRun;
import io.loyaltybridge.domain.whatif.Figures;
import io.loyaltybridge.domain.whatif.WhatIfResult;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A what-if run as JSON: its progress, and once done its comparison. */
final class WhatIfViews {
    private WhatIfViews() {
    }

    static Map<String, Object> run(WhatIfRun run, String currency) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", run.id());
        view.put("state", run.state().name().toLowerCase(Locale.ROOT));
        view.put("startedBy", run.startedBy());
        view.put("startedAt", run.startedAt().toString());
        view.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        view.put("durationMs", run.finishedAt() == null ? null : run.tookMs());
        view.put("from", run.from() == null ? null : run.from().toString());
        view.put("candidateVersion", run.candidateVersion());
        long total = run.total();
        view.put("progress", Map.of("ordersDone", run.done(), "ordersTotal", Math.max(total, run.done()),
                "percent", total <= 0 ? (run.state() == WhatIfRun.State.RUNNING ? 0 : 100)
                        : Math.min(100, run.done() * 100 / total)));
        view.put("rulesChanged", run.changes().stream().map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("path", c.path());
            change.put("before", c.before());
            change.put("after", c.after());
            change.put("text", c.toString());
            return change;
        }).toList());
        view.put("error", run.error());
        view.put("result", run.result() == null ? null : result(run.result(), currency));
        view.put("links", WhatIfApi.href(run.id()));
        return view;
    }

    private static Map<String, Object> result(WhatIfResult r, String currency) {
        int digits = WhatIfCsv.digits(currency);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("members", r.members());
        view.put("orders", r.orders());
        view.put("failedMembers", r.failed());
        view.put("currency", currency);
        view.put("totals", Map.of("now", totals(r.now(), digits), "candidate", totals(r.candidate(), digits)));
        view.put("changedMembers", r.changed());
        view.put("movedUp", r.movedUp());
        view.put("movedDown", r.movedDown());
        WhatIfResult.Replayed replayed = r.replayed();
        view.put("replayed", Map.of("expiredPoints", Map.of("now", replayed.expiredNow(),
                        "candidate", replayed.expiredCandidate()),
                "membersWithTierGrants", replayed.membersWithGrants(),
                "tierGrantsNotReplayedUnderCandidate", replayed.grantsNotReplayedCandidate(),
                "notReplayed", replayed.notReplayed()));
        view.put("tiers", r.tiers().stream().map(t -> Map.of("tier", t.tier(), "now", t.now(),
                "candidate", t.candidate())).toList());
        view.put("issuedByMonth", r.issued().entrySet().stream().map(e -> Map.of("month", e.getKey().toString(),
                "now", e.getValue()[0], "candidate", e.getValue()[1])).toList());
        view.put("largestChanges", r.largest().stream().map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("memberId", c.member());
            change.put("now", figures(c.now(), digits));
            change.put("candidate", figures(c.candidate(), digits));
            change.put("pointsChange", c.pointsDelta());
            return change;
        }).toList());
        return view;
    }

    private static Map<String, Object> totals(WhatIfResult.Totals t, int digits) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("points", t.points());
        view.put("pendingPoints", t.pendingPoints());
        view.put("liabilityPoints", t.liabilityPoints());
        view.put("cashbackMinor", t.liabilityCashbackMinor());
        view.put("cashback", WhatIfCsv.money(t.liabilityCashbackMinor(), digits));
        view.put("pendingCashbackMinor", t.pendingCashbackMinor());
        return view;
    }

    private static Map<String, Object> figures(Figures f, int digits) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("points", f.points());
        view.put("pendingPoints", f.pending());
        view.put("cashback", WhatIfCsv.money(f.cashbackMinor() + f.pendingCashbackMinor(), digits));
        view.put("tier", f.tier());
        return view;
    }
}

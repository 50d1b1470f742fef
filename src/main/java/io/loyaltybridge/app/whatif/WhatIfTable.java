package io.loyaltybridge.app.whatif;

import io.loyaltybridge.app.program.ProgramDiff;
import io.loyaltybridge.domain.whatif.WhatIfResult;

/** A finished run as Markdown tables: what the command line prints and the README shows. */
public final class WhatIfTable {
    private WhatIfTable() {
    }

    public static String of(WhatIfRun run, String currency) {
        WhatIfResult r = run.result();
        int digits = WhatIfCsv.digits(currency);
        StringBuilder out = new StringBuilder();
        out.append("What-if of candidate ").append(run.candidateVersion()).append(" over ")
                .append(run.from() == null ? "the whole history" : "the history from " + run.from()).append(": ")
                .append(r.members()).append(" members, ").append(r.orders()).append(" orders, replayed under both")
                .append(" programs in ").append(seconds(run)).append(" s")
                .append(r.failed().isEmpty() ? "" : "; " + r.failed().size() + " members could not be settled: "
                        + r.failed()).append("\n\n");
        out.append("| total | now | candidate | change |\n|---|---:|---:|---:|\n");
        row(out, "points owed (available + pending)", r.now().liabilityPoints(), r.candidate().liabilityPoints());
        row(out, "of which pending", r.now().pendingPoints(), r.candidate().pendingPoints());
        out.append("| cashback owed, pending included (").append(currency).append(") | ")
                .append(WhatIfCsv.money(r.now().liabilityCashbackMinor(), digits)).append(" | ")
                .append(WhatIfCsv.money(r.candidate().liabilityCashbackMinor(), digits)).append(" | ")
                .append(WhatIfCsv.money(r.candidate().liabilityCashbackMinor() - r.now().liabilityCashbackMinor(),
                        digits)).append(" |\n");
        out.append("| members with a different standing | | ").append(r.changed()).append(" | |\n");
        out.append("| members who would move up a tier | | ").append(r.movedUp()).append(" | |\n");
        out.append("| members who would move down a tier | | ").append(r.movedDown()).append(" | |\n");
        row(out, "points the expiry job takes by today", r.replayed().expiredNow(), r.replayed().expiredCandidate());
        out.append("\nStaff tier grants replayed with their dates for ").append(r.replayed().membersWithGrants())
                .append(" members. Not replayed:\n");
        r.replayed().notReplayed().forEach(what -> out.append("- ").append(what).append('\n'));
        out.append('\n');
        out.append("| tier | members now | members under the candidate |\n|---|---:|---:|\n");
        r.tiers().forEach(t -> out.append("| ").append(t.tier()).append(" | ").append(t.now()).append(" | ")
                .append(t.candidate()).append(" |\n"));
        out.append("\n| month | points issued now | under the candidate |\n|---|---:|---:|\n");
        r.issued().forEach((month, points) -> out.append("| ").append(month).append(" | ").append(points[0])
                .append(" | ").append(points[1]).append(" |\n"));
        out.append("\n| member | points now | candidate | pending now | candidate | cashback now | candidate | tier now"
                + " | candidate |\n|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        r.largest().forEach(c -> out.append("| ").append(c.member()).append(" | ").append(c.now().points())
                .append(" | ").append(c.candidate().points()).append(" | ").append(c.now().pending()).append(" | ")
                .append(c.candidate().pending()).append(" | ")
                .append(WhatIfCsv.money(c.now().cashbackMinor(), digits)).append(" | ")
                .append(WhatIfCsv.money(c.candidate().cashbackMinor(), digits)).append(" | ")
                .append(c.now().tier()).append(" | ").append(c.candidate().tier()).append(" |\n"));
        out.append("\nRules the candidate changes:\n");
        if (run.changes().isEmpty()) {
            out.append("- none\n");
        }
        for (ProgramDiff.Change change : run.changes()) {
            out.append("- ").append(change).append('\n');
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, long now, long candidate) {
        out.append("| ").append(label).append(" | ").append(now).append(" | ").append(candidate).append(" | ")
                .append(candidate - now > 0 ? "+" : "").append(candidate - now).append(" |\n");
    }

    private static String seconds(WhatIfRun run) {
        return String.format(java.util.Locale.ROOT, "%.1f", run.tookMs() / 1000.0);
    }
}

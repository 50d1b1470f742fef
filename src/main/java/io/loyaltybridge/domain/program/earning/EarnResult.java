package io.loyaltybridge.domain.program.earning;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an order earns. {@code points} is the sum of the breakdown (never below zero).
 *
 * @param cashbackMinor cashback in whole minor units of the program currency (cents), the unit of the CASHBACK
 *                      ledger account
 * @param availableAt   when the points and cashback stop being pending: placed-at plus the return window, or the
 *                      placed-at instant itself when there is no window
 */
public record EarnResult(long points, List<EarnLine> breakdown, long cashbackMinor, Instant availableAt) {
    public EarnResult {
        breakdown = List.copyOf(breakdown);
    }

    public boolean pendingAt(Instant now) {
        return now.isBefore(availableAt);
    }

    /** Points per campaign id, to add to the member's campaign totals for the next order's caps. */
    public Map<String, Long> pointsByCampaign() {
        Map<String, Long> byCampaign = new LinkedHashMap<>();
        breakdown.stream().filter(l -> l.kind() == EarnLine.Kind.CAMPAIGN)
                .forEach(l -> byCampaign.merge(l.ref(), l.points(), Long::sum));
        return byCampaign;
    }

    /** The breakdown as one readable sentence, for the ledger entry's reason. */
    public String explain() {
        StringBuilder words = new StringBuilder();
        for (EarnLine line : breakdown) {
            if (!words.isEmpty()) {
                words.append("; ");
            }
            words.append(line.reason());
        }
        return words.toString();
    }
}

package io.loyaltybridge.notify;

import io.loyaltybridge.domain.notify.MemberEvents;
import io.loyaltybridge.store.PgMemberEvents;
import io.loyaltybridge.store.Transactions;

import java.util.Set;

/**
 * What the core needs to know about notifications when it is assembled: which channels get a delivery row with
 * each event, and which churn risk level counts as drifting away (win-back). Events are recorded either way.
 *
 * @param crmChannels "salesforce" and/or "hubspot", those switched on
 * @param webhooks    webhook delivery switched on (one delivery per matching subscription)
 * @param winBackRisk "high" or "medium"
 */
public record NotifyOptions(Set<String> crmChannels, boolean webhooks, String winBackRisk) {
    /** Events recorded, nothing delivered. */
    public static final NotifyOptions OFF = new NotifyOptions(Set.of(), false, "high");

    public NotifyOptions {
        crmChannels = Set.copyOf(crmChannels);
    }

    public PgMemberEvents events(Transactions transactions) {
        return new PgMemberEvents(transactions, crmChannels, webhooks);
    }
}

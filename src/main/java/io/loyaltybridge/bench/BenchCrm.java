package io.loyaltybridge.bench;

import java.util.List;

/**
 * One CRM sandbox as the benchmark sees it from outside our code: what it stores on a contact, how a person places
 * an order in it, and what its own call counters say. Salesforce and HubSpot each have one, so both are measured by
 * the same phases and land in the same table.
 */
interface BenchCrm {
    /** "Salesforce" or "HubSpot", as the table's column says. */
    String name();

    /** The connector's system name in the core ("salesforce", "hubspot"): identities, orders' source, outbox. */
    String system();

    /** The objects whose first sync the backfill is: the sync sources that must show it done. */
    List<String> backfillObjects();

    /** The member id the CRM shows on a contact (null before the first push). */
    String memberIdShown(String contact);

    /** Contact ids, in seeding order. */
    List<String> contacts();

    /** The loyalty points the CRM shows on a contact now (null before the first push). */
    Long pointsShown(String contact);

    /**
     * Contacts the CRM shows no points on yet. One question rather than one per contact, so a CRM in another process
     * answers it in one round trip while the backfill is awaited.
     */
    default long contactsWithoutPoints() {
        return contacts().stream().filter(c -> pointsShown(c) == null).count();
    }

    /** A fingerprint per contact of the loyalty fields the CRM stores now, in contact order. */
    int[] snapshot();

    /** A new order of the contact, as a person would enter it (change events or webhooks follow). */
    void placeOrder(String contact);

    /** Orders the CRM holds (the backfill's and the steady state's). */
    long orders();

    /** Inbound reads served since the last reset: SOQL queries, or HubSpot searches and record reads. */
    long reads();

    /** Writes of loyalty fields served since the last reset (composite or batch calls). */
    long writes();

    /** How many records one write call may carry: 200 for Salesforce, 100 for HubSpot. */
    int perWrite();

    void resetCalls();

    /** Contacts whose loyalty fields differ between two snapshots: the "changed" of the minimum write count. */
    static long changed(int[] before, int[] after) {
        long changed = 0;
        for (int i = 0; i < after.length; i++) {
            changed += before[i] == after[i] ? 0 : 1;
        }
        return changed;
    }
}

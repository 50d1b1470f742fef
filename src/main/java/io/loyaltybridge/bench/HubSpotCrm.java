package io.loyaltybridge.bench;

import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.hubspot.ObjectType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the HubSpot sandbox itself saw: its call counters per endpoint (reads are searches and record or association
 * reads, writes the contacts' batch updates) and the loyalty properties stored on each contact. Orders placed here
 * reach the app as the sandbox's signed webhooks, as from a person in HubSpot's UI.
 */
final class HubSpotCrm implements BenchCrm {
    static final String POINTS = "loyalty_points";
    static final String MEMBER_ID = "loyalty_member_id";
    static final String WRITE = "POST /crm/v3/objects/contacts/batch/update";
    private final HubSpotSandbox hs;
    private final List<String> contacts;

    HubSpotCrm(HubSpotSandbox hs, long[] contactIds) {
        this.hs = hs;
        this.contacts = Arrays.stream(contactIds).mapToObj(Long::toString).toList();
    }

    @Override
    public String name() {
        return "HubSpot";
    }

    @Override
    public String system() {
        return "hubspot";
    }

    @Override
    public List<String> backfillObjects() {
        return List.of("contacts", "orders");
    }

    @Override
    public List<String> contacts() {
        return contacts;
    }

    @Override
    public Long pointsShown(String contact) {
        String points = properties(contact).get(POINTS);
        return points == null || points.isEmpty() ? null : Math.round(Double.parseDouble(points));
    }

    @Override
    public String memberIdShown(String contact) {
        return properties(contact).get(MEMBER_ID);
    }

    @Override
    public int[] snapshot() {
        int[] prints = new int[contacts.size()];
        for (int i = 0; i < prints.length; i++) {
            Map<String, String> loyalty = new TreeMap<>();
            properties(contacts.get(i)).forEach((name, value) -> {
                // The push stamps loyalty_updated_at with every write; it is not a change of the member's figures.
                if (name.startsWith("loyalty_") && !name.equals("loyalty_updated_at") && value != null) {
                    loyalty.put(name, value);
                }
            });
            prints[i] = loyalty.hashCode();
        }
        return prints;
    }

    /** A processed order (an earning stage), so the points move as soon as it is settled. */
    @Override
    public void placeOrder(String contact) {
        hs.admin().createOrder(Long.parseLong(contact), Map.of("hs_order_name", "Bench order",
                "hs_total_price", "149.00", "hs_currency_code", "EUR", "hs_pipeline_stage", "processed"));
    }

    @Override
    public long orders() {
        return hs.admin().count(ObjectType.ORDERS);
    }

    /** Searches, batch reads, single record and association reads: every call that brings data in. */
    @Override
    public long reads() {
        return hs.calls().snapshot().entrySet().stream().filter(e -> isRead(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static boolean isRead(String endpoint) {
        return endpoint.endsWith("/search") || endpoint.endsWith("/batch/read")
                || (endpoint.startsWith("GET /crm/") && !endpoint.contains("/properties")
                && !endpoint.contains("/pipelines"));
    }

    @Override
    public long writes() {
        return hs.calls().calls(WRITE);
    }

    @Override
    public int perWrite() {
        return 100;
    }

    @Override
    public void resetCalls() {
        hs.calls().reset();
    }

    private Map<String, String> properties(String contact) {
        return hs.admin().contact(Long.parseLong(contact)).orElse(Map.of());
    }
}

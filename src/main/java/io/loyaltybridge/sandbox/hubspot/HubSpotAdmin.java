package io.loyaltybridge.sandbox.hubspot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes made "in HubSpot" by a person, for tests and demos: they bypass auth and rate limits, and their webhook
 * events carry changeSource CRM_UI, unlike writes through the API with an app token (INTEGRATION).
 */
public final class HubSpotAdmin {
    private final CrmData data;
    private final Seeder seeder;

    private final Pipelines pipelines;

    HubSpotAdmin(CrmData data, long seed, Pipelines pipelines) {
        this.pipelines = pipelines;
        this.data = data;
        this.seeder = new Seeder(data, seed);
    }

    public long createContact(String email, String firstName, String lastName) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("email", email);
        p.put("firstname", firstName);
        p.put("lastname", lastName);
        return create(ObjectType.CONTACTS, p);
    }

    public long create(ObjectType type, Map<String, String> properties) {
        return call(() -> data.create(type, properties, Change.Source.CRM_UI).id());
    }

    /** An order of the contact; properties e.g. hs_total_price, hs_currency_code, hs_pipeline_stage. */
    public long createOrder(long contactId, Map<String, String> properties) {
        return call(() -> {
            long id = data.create(ObjectType.ORDERS, properties, Change.Source.CRM_UI).id();
            data.associate(ObjectType.ORDERS, id, ObjectType.CONTACTS, contactId);
            return id;
        });
    }

    /**
     * A survey answer of the contact, as HubSpot records one when a survey is submitted; properties e.g. hs_value,
     * hs_survey_type (NPS, CSAT, CES, CUSTOM), hs_survey_id, hs_survey_name, hs_content, hs_submission_timestamp.
     */
    public long createFeedback(long contactId, Map<String, String> properties) {
        return call(() -> {
            Map<String, String> p = new LinkedHashMap<>(properties);
            p.putIfAbsent("hs_contact_id", Long.toString(contactId));
            long id = data.create(ObjectType.FEEDBACK_SUBMISSIONS, p, Change.Source.CRM_UI).id();
            data.associate(ObjectType.FEEDBACK_SUBMISSIONS, id, ObjectType.CONTACTS, contactId);
            return id;
        });
    }

    /** A deal of the contact; properties e.g. amount, dealstage (closedwon), closedate, deal_currency_code. */
    public long createDeal(long contactId, Map<String, String> properties) {
        return call(() -> {
            long id = data.create(ObjectType.DEALS, properties, Change.Source.CRM_UI).id();
            data.associate(ObjectType.DEALS, id, ObjectType.CONTACTS, contactId);
            return id;
        });
    }

    /**
     * A line item of an order or a deal ({@code parentType} ORDERS or DEALS); properties e.g. name, quantity, price,
     * hs_sku, and any custom property created first (e.g. a product category).
     */
    public long createLineItem(ObjectType parentType, long parentId, Map<String, String> properties) {
        return call(() -> {
            long id = data.create(ObjectType.LINE_ITEMS, properties, Change.Source.CRM_UI).id();
            data.associate(parentType, parentId, ObjectType.LINE_ITEMS, id);
            return id;
        });
    }

    /** Adds a pipeline of orders or deals whose stages have these ids and labels (in order). */
    public void addPipeline(ObjectType type, String id, String label, Map<String, String> stageLabelsById) {
        call(() -> {
            pipelines.add(type, new Pipelines.Pipeline(id, label, new LinkedHashMap<>(stageLabelsById)));
            return null;
        });
    }

    public void update(ObjectType type, long id, Map<String, String> properties) {
        call(() -> data.update(type, id, properties, Change.Source.CRM_UI));
    }

    public void archive(ObjectType type, long id) {
        call(() -> data.archive(type, id, true, Change.Source.CRM_UI));
    }

    public void restore(ObjectType type, long id) {
        call(() -> data.archive(type, id, false, Change.Source.CRM_UI));
    }

    /** Merges {@code mergedId} into {@code primaryId}; afterwards the merged id reads as the primary. */
    public long mergeContacts(long primaryId, long mergedId) {
        return call(() -> data.merge(ObjectType.CONTACTS, primaryId, mergedId, Change.Source.CRM_UI).id());
    }

    public void privacyDelete(long contactId) {
        call(() -> {
            data.privacyDelete(ObjectType.CONTACTS, contactId, Change.Source.CRM_UI);
            return null;
        });
    }

    /** Every stored and derived property of a record (following merges), or empty when it is gone. */
    public Optional<Map<String, String>> properties(ObjectType type, long id) {
        ObjectStore store = data.store(type);
        Snap s = store.find(id);
        if (s == null) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (PropertyDef d : store.properties()) {
            String v = store.value(s, d.name());
            if (v != null) {
                out.put(d.name(), v);
            }
        }
        out.put("archived", String.valueOf(s.archived()));
        return Optional.of(out);
    }

    public Optional<Map<String, String>> contact(long id) {
        return properties(ObjectType.CONTACTS, id);
    }

    /** Ids of {@code other} records linked to a record. */
    public List<Long> associations(ObjectType type, long id, ObjectType other) {
        Links l = data.links(type, other);
        return l == null ? List.of() : java.util.Arrays.stream(l.of(type, id)).boxed().toList();
    }

    /** Records of a type that are not archived. */
    public long count(ObjectType type) {
        long[] n = {0};
        data.store(type).table().forEachFrom(0, s -> n[0] += s.archived() ? 0 : 1);
        return n[0];
    }

    /**
     * Adds realistic contacts and orders (seeded, over the two years before now, some cancelled or refunded) without
     * sending webhooks, so millions of records can be loaded quickly. Returns the new contact ids.
     */
    public long[] seed(int contacts, int orders) {
        return seeder.seed(contacts, orders);
    }

    /** Creates a property as the properties API would (type/fieldType checked). */
    public void createProperty(ObjectType type, String name, String propertyType, String fieldType) {
        call(() -> data.store(type).catalog.add(new PropertyDef(name, name, propertyType, fieldType,
                type.singular + "information", "", List.of(), -1, false, false, false, data.clock.millis())));
    }

    /** Admin calls fail with a plain exception carrying HubSpot's message. */
    private static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.status + " " + e.category + ": " + e.getMessage(), e);
        }
    }
}

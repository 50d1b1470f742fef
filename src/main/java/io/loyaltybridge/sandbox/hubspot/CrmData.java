package io.loyaltybridge.sandbox.hubspot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * All CRM data of the sandbox account and the operations that touch more than one record: writes that emit changes,
 * merges and privacy deletions. Both the REST handlers and the admin API go through here, so webhooks fire alike.
 */
final class CrmData {
    private final Map<ObjectType, ObjectStore> stores = new EnumMap<>(ObjectType.class);
    final Links orderContacts = new Links(ObjectType.ORDERS, ObjectType.CONTACTS, 507, 508);
    final Links dealContacts = new Links(ObjectType.DEALS, ObjectType.CONTACTS, 3, 4);
    final Links noteContacts = new Links(ObjectType.NOTES, ObjectType.CONTACTS, 202, 201);
    final Links orderLines = new Links(ObjectType.ORDERS, ObjectType.LINE_ITEMS, 513, 514);
    final Links dealLines = new Links(ObjectType.DEALS, ObjectType.LINE_ITEMS, 19, 20);
    final Links feedbackContacts = new Links(ObjectType.FEEDBACK_SUBMISSIONS, ObjectType.CONTACTS, 98, 97);
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    final Clock clock;

    CrmData(Clock clock, long indexingDelayMillis) {
        this.clock = clock;
        for (ObjectType t : ObjectType.values()) {
            stores.put(t, new ObjectStore(t, clock, indexingDelayMillis));
        }
    }

    ObjectStore store(ObjectType t) {
        return stores.get(t);
    }

    void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /** The link table between two types, or null when the sandbox does not keep that pair. */
    Links links(ObjectType a, ObjectType b) {
        for (Links l : linkTables()) {
            if ((l.from == a && l.to == b) || (l.from == b && l.to == a)) {
                return l;
            }
        }
        return null;
    }

    private List<Links> linkTables() {
        return List.of(orderContacts, dealContacts, noteContacts, orderLines, dealLines, feedbackContacts);
    }

    Snap create(ObjectType t, Map<String, String> raw, Change.Source source) {
        ObjectStore s = store(t);
        Snap snap = s.create(s.normalize(raw), clock.millis());
        if (source != null) {
            emit(Change.of(Change.Kind.CREATION, t, snap.id(), snap.createdAt(), source));
            s.valuesOf(snap).forEach((k, v) -> emit(Change.property(t, snap.id(), k, v, snap.createdAt(), source)));
        }
        return snap;
    }

    Snap update(ObjectType t, long id, Map<String, String> raw, Change.Source source) {
        ObjectStore s = store(t);
        Map<String, String> values = s.normalize(raw);
        Snap[] both = s.update(id, values);
        if (both[0] != both[1]) {
            for (String k : values.keySet()) {
                String before = both[0].value(s.catalog.slot(k));
                String after = both[1].value(s.catalog.slot(k));
                if (!Objects.equals(before, after)) {
                    emit(Change.property(t, both[1].id(), k, after, both[1].updatedAt(), source));
                }
            }
        }
        return both[1];
    }

    Snap archive(ObjectType t, long id, boolean archived, Change.Source source) {
        Snap s = store(t).setArchived(id, archived);
        emit(Change.of(archived ? Change.Kind.DELETION : Change.Kind.RESTORE, t, s.id(), s.updatedAt(), source));
        return s;
    }

    /**
     * Merges {@code mergedId} into {@code primaryId}: empty properties of the primary take the merged record's
     * values, links move over, the merged id and email keep leading to the primary, the merged record disappears.
     */
    Snap merge(ObjectType t, long primaryId, long mergedId, Change.Source source) {
        ObjectStore s = store(t);
        Snap primary = s.live(primaryId);
        Snap merged = s.live(mergedId);
        if (primary.id() == merged.id()) {
            throw ApiError.validation("Cannot merge an object with itself: " + primary.id());
        }
        Map<String, String> moved = new java.util.LinkedHashMap<>();
        Map<String, String> have = s.valuesOf(primary);
        s.valuesOf(merged).forEach((k, v) -> {
            if (!have.containsKey(k) && !s.catalog.get(k).hasUniqueValue()) {
                moved.put(k, v);
            }
        });
        s.purge(merged.id());
        Snap result = moved.isEmpty() ? s.update(primary.id(), Map.of())[1] : s.update(primary.id(), moved)[1];
        s.redirect(merged.id(), primary.id());
        for (PropertyDef d : s.properties()) {
            String v = d.hasUniqueValue() ? merged.value(s.catalog.slot(d.name())) : null;
            if (v != null) {
                s.alias(d.name(), v, primary.id());
            }
        }
        for (Links l : linkTables()) {
            if (l.from == t || l.to == t) {
                l.move(t, merged.id(), primary.id());
            }
        }
        emit(new Change(Change.Kind.MERGE, t, primary.id(), null, String.valueOf(moved.size()), clock.millis(),
                source.changeSource(), source.sourceId(), List.of(merged.id())));
        return result;
    }

    /** Permanently deletes a contact and what identifies it, as a GDPR request does. */
    void privacyDelete(ObjectType t, long id, Change.Source source) {
        Snap gone = store(t).purge(id);
        for (Links l : linkTables()) {
            if (l.from == t || l.to == t) {
                l.drop(t, gone.id());
            }
        }
        emit(Change.of(Change.Kind.PRIVACY_DELETION, t, gone.id(), clock.millis(), source));
    }

    boolean associate(ObjectType fromType, long fromId, ObjectType toType, long toId) {
        Links l = links(fromType, toType);
        if (l == null) {
            throw ApiError.validation("Associations from " + fromType.path + " to " + toType.path
                    + " are not kept by this sandbox");
        }
        store(fromType).live(fromId);
        store(toType).live(toId);
        return l.from == fromType ? l.link(fromId, toId) : l.link(toId, fromId);
    }

    List<Snap> all(ObjectType t) {
        List<Snap> out = new ArrayList<>();
        store(t).table().forEachFrom(0, out::add);
        return out;
    }

    private void emit(Change c) {
        for (Consumer<Change> l : listeners) {
            l.accept(c);
        }
    }
}

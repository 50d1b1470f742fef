package io.loyaltybridge.sandbox.hubspot;

import java.util.List;

/**
 * Something that happened to a record, as the webhook sender turns it into events.
 *
 * @param changeSource who made it: "INTEGRATION" for calls with an app token, "CRM_UI" for the admin API
 * @param sourceId the app id for INTEGRATION, "userId:..." for CRM_UI: lets the connector spot its own writes
 */
public record Change(Kind kind, ObjectType type, long objectId, String propertyName, String propertyValue,
                     long occurredAt, String changeSource, String sourceId, List<Long> mergedObjectIds) {

    public enum Kind { CREATION, PROPERTY_CHANGE, DELETION, RESTORE, MERGE, PRIVACY_DELETION }

    /** Who made a change. */
    public record Source(String changeSource, String sourceId) {
        public static final Source CRM_UI = new Source("CRM_UI", "userId:1");
    }

    static Change of(Kind kind, ObjectType type, long id, long at, Source source) {
        return new Change(kind, type, id, null, null, at, source.changeSource(), source.sourceId(), List.of());
    }

    static Change property(ObjectType type, long id, String name, String value, long at, Source source) {
        return new Change(Kind.PROPERTY_CHANGE, type, id, name, value, at, source.changeSource(), source.sourceId(),
                List.of());
    }
}

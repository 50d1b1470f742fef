package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Changes as webhook events. Contacts use the legacy names (contact.creation, contact.propertyChange, ...); orders
 * and deals the generic ones (object.creation, ...) with their {@code objectTypeId}, as HubSpot sends them.
 */
final class WebhookEvents {
    private final long portalId;
    private final long appId;
    private final AtomicLong eventIds = new AtomicLong(1);

    WebhookEvents(long portalId, long appId) {
        this.portalId = portalId;
        this.appId = appId;
    }

    ObjectNode event(Change c) {
        String action = switch (c.kind()) {
            case CREATION -> "creation";
            case PROPERTY_CHANGE -> "propertyChange";
            case DELETION -> "deletion";
            case RESTORE -> "restore";
            case MERGE -> "merge";
            case PRIVACY_DELETION -> "privacyDeletion";
        };
        boolean legacy = c.type() == ObjectType.CONTACTS;
        String subscriptionType = (legacy ? "contact." : "object.") + action;
        ObjectNode e = Json.object();
        e.put("eventId", eventIds.getAndIncrement());
        e.put("subscriptionId", subscriptionId(subscriptionType, c.type()));
        e.put("portalId", portalId);
        e.put("appId", appId);
        e.put("occurredAt", c.occurredAt());
        e.put("subscriptionType", subscriptionType);
        e.put("attemptNumber", 0);
        e.put("objectId", c.objectId());
        if (!legacy) {
            e.put("objectTypeId", c.type().typeId);
        }
        if (c.kind() == Change.Kind.PROPERTY_CHANGE) {
            e.put("propertyName", c.propertyName());
            e.put("propertyValue", c.propertyValue() == null ? "" : c.propertyValue());
        }
        if (c.kind() == Change.Kind.MERGE) {
            e.put("primaryObjectId", c.objectId());
            e.put("newObjectId", c.objectId());
            c.mergedObjectIds().forEach(e.putArray("mergedObjectIds")::add);
            e.put("numberOfPropertiesMoved", Integer.parseInt(c.propertyValue()));
        }
        String flag = switch (c.kind()) {
            case CREATION -> "CREATED";
            case DELETION, PRIVACY_DELETION -> "DELETED";
            case RESTORE -> "RESTORED";
            case MERGE -> "MERGED";
            default -> null;
        };
        if (flag != null) {
            e.put("changeFlag", flag);
        }
        e.put("changeSource", c.changeSource());
        e.put("sourceId", c.sourceId());
        return e;
    }

    /** A stable id per subscription, as if the app had subscribed to each type once. */
    private long subscriptionId(String subscriptionType, ObjectType t) {
        return 1_000_000L + Math.floorMod((subscriptionType + t.typeId).hashCode(), 1_000_000);
    }
}

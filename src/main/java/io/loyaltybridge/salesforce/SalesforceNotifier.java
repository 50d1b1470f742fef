package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.loyaltybridge.domain.notify.EventType;
import io.loyaltybridge.notify.Channel;
import io.loyaltybridge.notify.Notification;
import io.loyaltybridge.sync.ErrorClass;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Notifications into Salesforce through camel-salesforce: a completed {@code Task} on the member's Contact
 * (subject and description from the templates), or a {@code Loyalty_Event__e} platform event for Flows.
 * <p>
 * A delivery may be sent again when we cannot know whether the last attempt landed (the process died after
 * Salesforce took it, or the answer timed out). The Task is therefore upserted on its external id
 * {@code Loyalty_Event_Id__c} (the event id): a resend updates the same Task with the same values. Platform events
 * cannot be upserted: publishing is at-least-once, and each event carries {@code Event_Id__c} for Flows to drop a
 * repeat.
 */
final class SalesforceNotifier implements Channel {
    static final String EVENT_OBJECT = "Loyalty_Event__e";
    /** The Task's External ID (unique) field holding the event id; see config/salesforce. */
    static final String TASK_EVENT_ID = "Loyalty_Event_Id__c";
    private final SalesforceApi api;
    private final boolean platformEvent;

    SalesforceNotifier(SalesforceApi api, boolean platformEvent) {
        this.api = api;
        this.platformEvent = platformEvent;
    }

    @Override
    public String name() {
        return "salesforce";
    }

    @Override
    public Integer send(Notification n) {
        String contact = n.crmIds().get(ContactRecords.SYSTEM);
        if (contact == null && !platformEvent) {
            throw new DeliveryFailure("member " + n.memberId() + " has no Salesforce contact", true, null);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        if (platformEvent) {
            record.put("Member_Id__c", Long.toString(n.memberId()));
            record.put("Contact_Id__c", contact);
            record.put("Event_Type__c", n.type().wireName());
            record.put("Event_Id__c", Long.toString(n.eventId()));
            record.put("Subject__c", clip(n.text().subject(), 255));
            record.put("Body__c", clip(n.text().body(), 32000));
            record.put("Occurred_At__c", n.occurredAt().toString());
        } else {
            record.put("WhoId", contact);
            record.put("Subject", clip(n.text().subject(), 255));
            record.put("Description", clip(n.text().body(), 32000));
            // A rising downgrade risk is work for sales staff: an open, high-priority Task; the rest is history.
            boolean toDo = n.type() == EventType.TIER_AT_RISK || n.type() == EventType.DETRACTOR_FEEDBACK;
            // Work for the person who owns the contact, as Salesforce users expect (not the integration user).
            owner(contact).ifPresent(owner -> record.put("OwnerId", owner));
            record.put("Status", toDo ? "Not Started" : "Completed");
            record.put("Priority", toDo ? "High" : "Normal");
            record.put("ActivityDate", n.occurredAt().toString().substring(0, 10));
        }
        try {
            String json = SalesforceApi.JSON.writeValueAsString(record);
            if (!platformEvent) {
                var answer = api.upsert("Task", TASK_EVENT_ID, Long.toString(n.eventId()), json);
                if (answer.has("success") && !answer.path("success").asBoolean(false)) {
                    throw new DeliveryFailure("Salesforce did not upsert the Task: " + answer, false, null);
                }
                return answer.path("created").asBoolean(true) ? 201 : 200;
            }
            var answer = api.create(EVENT_OBJECT, json);
            if (!answer.path("success").asBoolean(false)) {
                throw new DeliveryFailure("Salesforce did not publish the event: " + answer, false, null);
            }
            return 201;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (SalesforceApi.ApiFailure e) {
            boolean permanent = SalesforceErrors.classify(e) == ErrorClass.PERMANENT;
            throw new DeliveryFailure(e.getMessage(), permanent, null);
        }
    }

    /**
     * The contact's owner, read when the Task is made (the owner may have changed since the contact was synced); one
     * query per Task. Empty when the org does not say: Salesforce then makes the integration user the owner.
     */
    private java.util.Optional<String> owner(String contact) {
        if (!contact.matches("[A-Za-z0-9]{15,18}")) {
            return java.util.Optional.empty();
        }
        var records = api.query("SELECT OwnerId FROM Contact WHERE Id = '" + contact + "'", false).path("records");
        String owner = records.path(0).path("OwnerId").asText("");
        return owner.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(owner);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

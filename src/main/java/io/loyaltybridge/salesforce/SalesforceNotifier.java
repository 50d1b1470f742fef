package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.loyaltybridge.notify.Channel;
import io.loyaltybridge.notify.Notification;
import io.loyaltybridge.sync.ErrorClass;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Notifications into Salesforce through camel-salesforce: a completed {@code Task} on the member's Contact
 * (subject and description from the templates), or a {@code Loyalty_Event__e} platform event for Flows. Each is
 * one create call, so a delivery is one record or none.
 */
final class SalesforceNotifier implements Channel {
    static final String EVENT_OBJECT = "Loyalty_Event__e";
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
            record.put("Status", "Completed");
            record.put("Priority", "Normal");
            record.put("ActivityDate", n.occurredAt().toString().substring(0, 10));
        }
        try {
            var answer = api.create(platformEvent ? EVENT_OBJECT : "Task", SalesforceApi.JSON.writeValueAsString(record));
            if (!answer.path("success").asBoolean(false)) {
                throw new DeliveryFailure("Salesforce did not create the record: " + answer, false, null);
            }
            return 201;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (SalesforceApi.ApiFailure e) {
            boolean permanent = SalesforceErrors.classify(e) == ErrorClass.PERMANENT;
            throw new DeliveryFailure(e.getMessage(), permanent, null);
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.notify.Channel;
import io.loyaltybridge.notify.Notification;

/**
 * Notifications into HubSpot: the contact's {@code loyalty_last_event} and {@code loyalty_last_event_at}
 * properties (what workflows trigger on), then a note on the contact's timeline with the rendered template. The
 * properties go first because setting them again is harmless: a retry after a failed note never leaves two notes.
 * The two properties are created in the loyalty property group on first use when missing.
 * <p>
 * Each note ends with its event's marker; a delivery sent again (its earlier attempt may have landed before the
 * process died or the answer was lost) first looks for a note with that marker and, when one is there, counts as
 * delivered instead of adding a second note (see {@link DeliveredNotes}).
 */
final class HubSpotNotifier implements Channel {
    static final String LAST_EVENT = "loyalty_last_event";
    static final String LAST_EVENT_AT = "loyalty_last_event_at";
    /** HUBSPOT_DEFINED association type of a note to a contact. */
    private static final int NOTE_TO_CONTACT = 202;
    private static final String PROPERTIES = "/crm/v3/properties/contacts";

    private final HubSpotClient client;
    private final String group;
    private final DeliveredNotes delivered;
    private volatile boolean provisioned;

    HubSpotNotifier(HubSpotClient client, String group) {
        this.client = client;
        this.group = group;
        this.delivered = new DeliveredNotes(client);
    }

    @Override
    public String name() {
        return "hubspot";
    }

    @Override
    public Integer send(Notification n) {
        String contact = n.crmIds().get(ContactMapper.SYSTEM);
        if (contact == null) {
            throw new DeliveryFailure("member " + n.memberId() + " has no HubSpot contact", true, null);
        }
        provision();
        ObjectNode update = HubSpotClient.JSON.createObjectNode();
        update.putObject("properties").put(LAST_EVENT, n.type().wireName())
                .put(LAST_EVENT_AT, n.occurredAt().toString());
        check(client.call("PATCH", "/crm/v3/objects/contacts/" + contact, null, update, false));
        if (n.attempt() > 1 && delivered.find(contact, n.eventId()).isPresent()) {
            return 200;
        }

        ObjectNode note = HubSpotClient.JSON.createObjectNode();
        note.putObject("properties").put("hs_timestamp", n.occurredAt().toString())
                .put("hs_note_body", n.text().subject() + "\n\n" + n.text().body() + "\n\n"
                        + DeliveredNotes.marker(n.eventId()));
        note.putArray("associations").addObject().<ObjectNode>set("to",
                        HubSpotClient.JSON.createObjectNode().put("id", contact))
                .putArray("types").addObject().put("associationCategory", "HUBSPOT_DEFINED")
                .put("associationTypeId", NOTE_TO_CONTACT);
        return check(client.post("/crm/v3/objects/notes", note)).status();
    }

    private void provision() {
        if (provisioned) {
            return;
        }
        HubSpotClient.Answer existingGroup = client.get(PROPERTIES + "/groups/" + group, null);
        if (existingGroup.status() == 404) {
            check(client.post(PROPERTIES + "/groups", HubSpotClient.JSON.createObjectNode().put("name", group)
                    .put("label", "Loyalty").put("displayOrder", -1)));
        }
        ensure(LAST_EVENT, "Loyalty last event", "string", "text");
        ensure(LAST_EVENT_AT, "Loyalty last event at", "datetime", "date");
        provisioned = true;
    }

    private void ensure(String name, String label, String type, String fieldType) {
        if (client.get(PROPERTIES + "/" + name, null).status() == 404) {
            check(client.post(PROPERTIES, HubSpotClient.JSON.createObjectNode().put("name", name).put("label", label)
                    .put("groupName", group).put("type", type).put("fieldType", fieldType)));
        }
    }

    /** 4xx other than 429 is the request's fault and will not improve by retrying; the rest may. */
    private static HubSpotClient.Answer check(HubSpotClient.Answer answer) {
        if (!answer.ok()) {
            boolean permanent = answer.status() >= 400 && answer.status() < 500 && answer.status() != 429
                    && answer.status() != 401 && answer.status() != 409;
            throw new DeliveryFailure("HubSpot answered " + answer.status() + " "
                    + answer.json().path("category").asText("") + ": " + answer.json().path("message").asText(""),
                    permanent, answer.status());
        }
        return answer;
    }
}

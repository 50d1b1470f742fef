package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.notify.Channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the note an earlier attempt of a delivery may already have left on a contact. HubSpot has no upsert for
 * notes, so each note ends with a marker naming its event ({@link #marker}); before sending a delivery again whose
 * last outcome is unknown, the notifier reads the contact's notes (associations v4, then a batch read of their
 * bodies: both read what was written, unlike search, whose index lags) and looks for the marker.
 */
final class DeliveredNotes {
    private static final int BATCH = 100;
    private final HubSpotClient client;

    DeliveredNotes(HubSpotClient client) {
        this.client = client;
    }

    /** The line each note ends with; the event id makes it unique to the event. */
    static String marker(long eventId) {
        return "[LoyaltyBridge event " + eventId + "]";
    }

    /** The id of a note on the contact carrying the event's marker, if there is one. */
    Optional<String> find(String contact, long eventId) {
        List<String> noteIds = new ArrayList<>();
        String after = null;
        do {
            HubSpotClient.Answer page = check(client.get("/crm/v4/objects/contacts/" + contact + "/associations/notes",
                    "limit=500" + (after == null ? "" : "&after=" + after)));
            page.json().path("results").forEach(r -> noteIds.add(r.path("toObjectId").asText()));
            after = page.json().path("paging").path("next").path("after").asText(null);
        } while (after != null);
        String marker = marker(eventId);
        for (int from = 0; from < noteIds.size(); from += BATCH) {
            ObjectNode read = HubSpotClient.JSON.createObjectNode();
            read.putArray("properties").add("hs_note_body");
            read.putArray("propertiesWithHistory");
            ArrayNode inputs = read.putArray("inputs");
            noteIds.subList(from, Math.min(noteIds.size(), from + BATCH)).forEach(id -> inputs.addObject().put("id", id));
            for (JsonNode note : check(client.post("/crm/v3/objects/notes/batch/read", read)).json().path("results")) {
                if (note.path("properties").path("hs_note_body").asText("").contains(marker)) {
                    return Optional.of(note.path("id").asText());
                }
            }
        }
        return Optional.empty();
    }

    private static HubSpotClient.Answer check(HubSpotClient.Answer answer) {
        if (!answer.ok()) {
            throw new Channel.DeliveryFailure("HubSpot answered " + answer.status() + " while looking for an earlier"
                    + " note", false, answer.status());
        }
        return answer;
    }
}

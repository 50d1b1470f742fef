package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.InboundOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads records by id (batch read, 100 a call) and turns search or read results into the engine's inbound
 * records: contacts as they are, orders with their contact and line items from associations v4.
 */
final class HubSpotReads {
    private static final int BATCH = 100;
    private final HubSpotClient client;
    private final ContactMapper contacts;
    private final OrderMapper orders;
    private final Associations associations;
    private final String orderObject;

    private final LineItems lineItems;

    HubSpotReads(HubSpotClient client, ContactMapper contacts, OrderMapper orders, String orderObject,
                 String lineCategoryProperty) {
        this.client = client;
        this.contacts = contacts;
        this.orders = orders;
        this.associations = new Associations(client);
        this.lineItems = new LineItems(client, associations, lineCategoryProperty);
        this.orderObject = orderObject;
    }

    /** The live contacts among {@code ids}; deleted or unknown ones are left out. */
    List<InboundContact> contacts(List<String> ids) {
        return read("contacts", ids, contacts.properties(), false).stream().map(contacts::contact).toList();
    }

    /** The orders (or deals) among {@code ids}, read as archived ones when {@code archived}. */
    List<InboundOrder> orders(List<String> ids, boolean archived) {
        return ordersOf(read(orderObject, ids, orders.properties(), archived));
    }

    /** Orders with their contact and lines: two association reads and a line item read per 100 orders. */
    List<InboundOrder> ordersOf(List<JsonNode> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> ids = records.stream().map(r -> r.path("id").asText()).toList();
        Map<String, String> contactOf = associations.contactsOf(orderObject, ids);
        // A deleted order earns nothing whatever its lines; its line items are not read.
        Map<String, List<io.loyaltybridge.domain.order.OrderLine>> linesOf = lineItems.of(orderObject, records
                .stream().filter(r -> !r.path("archived").asBoolean()).map(r -> r.path("id").asText()).toList());
        return records.stream().map(r -> orders.order(r, contactOf.get(r.path("id").asText()),
                linesOf.getOrDefault(r.path("id").asText(), List.of()))).toList();
    }

    private List<JsonNode> read(String objectType, List<String> ids, List<String> properties, boolean archived) {
        List<JsonNode> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            ObjectNode body = HubSpotClient.JSON.createObjectNode();
            ArrayNode props = body.putArray("properties");
            properties.forEach(props::add);
            body.putArray("propertiesWithHistory");
            ArrayNode inputs = body.putArray("inputs");
            ids.subList(from, Math.min(ids.size(), from + BATCH)).forEach(id -> inputs.addObject().put("id", id));
            HubSpotClient.Answer answer = client.call("POST", "/crm/v3/objects/" + objectType + "/batch/read",
                    archived ? "archived=true" : null, body, false);
            // 207: some ids were not found (deleted meanwhile); the others are in results.
            answer.orThrow().json().path("results").forEach(found::add);
        }
        return found;
    }
}

package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.domain.order.OrderLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines of a page of orders (or deals), so category and SKU multipliers apply as they do to the same order from
 * Salesforce or the API: the line item ids through associations v4 (one call per 100 orders), then the line items
 * themselves by batch read (one call per 100 lines) with quantity, price, hs_sku and the configured category
 * property. A fixed number of calls per page, never one per order.
 */
final class LineItems {
    private static final int BATCH = 100;
    private final HubSpotClient client;
    private final Associations associations;
    private final String categoryProperty;

    LineItems(HubSpotClient client, Associations associations, String categoryProperty) {
        this.client = client;
        this.associations = associations;
        this.categoryProperty = categoryProperty;
    }

    /** The lines per order id; an order without line items has none (it then earns on its total). */
    Map<String, List<OrderLine>> of(String orderObject, List<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> itemsOf = associations.linked(orderObject, "line_items", orderIds);
        Set<String> itemIds = new LinkedHashSet<>();
        itemsOf.values().forEach(itemIds::addAll);
        Map<String, OrderLine> lines = read(new ArrayList<>(itemIds));
        Map<String, List<OrderLine>> byOrder = new HashMap<>();
        itemsOf.forEach((order, items) -> byOrder.put(order, items.stream().map(lines::get)
                .filter(java.util.Objects::nonNull).toList()));
        return byOrder;
    }

    private Map<String, OrderLine> read(List<String> ids) {
        Map<String, OrderLine> lines = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            ObjectNode body = HubSpotClient.JSON.createObjectNode();
            ArrayNode props = body.putArray("properties").add("quantity").add("price").add("hs_sku");
            if (categoryProperty != null) {
                props.add(categoryProperty);
            }
            body.putArray("propertiesWithHistory");
            ArrayNode inputs = body.putArray("inputs");
            ids.subList(from, Math.min(ids.size(), from + BATCH)).forEach(id -> inputs.addObject().put("id", id));
            // 207: a line item deleted meanwhile is simply not there.
            for (JsonNode item : client.post("/crm/v3/objects/line_items/batch/read", body).orThrow().json()
                    .path("results")) {
                OrderLine line = line(item.path("properties"));
                if (line != null) {
                    lines.put(item.path("id").asText(), line);
                }
            }
        }
        return lines;
    }

    /**
     * HubSpot's quantity is a number that may have decimals (3.5 kg); our lines count whole units, so a fractional
     * quantity becomes one line of its whole amount, which earns the same.
     */
    private OrderLine line(JsonNode p) {
        BigDecimal quantity = decimal(ContactMapper.text(p, "quantity"));
        BigDecimal price = decimal(ContactMapper.text(p, "price"));
        if (price == null) {
            return null;
        }
        String sku = ContactMapper.text(p, "hs_sku");
        String category = categoryProperty == null ? null : ContactMapper.text(p, categoryProperty);
        if (quantity == null) {
            quantity = BigDecimal.ONE;
        }
        if (quantity.stripTrailingZeros().scale() <= 0 && quantity.signum() >= 0) {
            return new OrderLine(sku, category, quantity.intValueExact(), price);
        }
        return new OrderLine(sku, category, 1, price.multiply(quantity));
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package io.loyaltybridge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.domain.order.OrderLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Order lines are kept as one jsonb array per order: they are always read and replaced together. */
final class OrderLinesJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OrderLinesJson() {
    }

    static Sql.Json write(List<OrderLine> lines) {
        ArrayNode array = MAPPER.createArrayNode();
        for (OrderLine line : lines) {
            ObjectNode node = array.addObject();
            node.put("sku", line.sku());
            node.put("category", line.category());
            node.put("quantity", line.quantity());
            node.put("unitPrice", line.unitPrice());
        }
        return new Sql.Json(array.toString());
    }

    static List<OrderLine> read(String json) {
        try {
            List<OrderLine> lines = new ArrayList<>();
            for (JsonNode node : MAPPER.readTree(json)) {
                lines.add(new OrderLine(text(node, "sku"), text(node, "category"), node.get("quantity").asInt(),
                        new BigDecimal(node.get("unitPrice").asText())));
            }
            return lines;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order lines in the database are not valid JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

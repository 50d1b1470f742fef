package io.loyaltybridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dead-letter payloads: inbound records as JSON and back, so a replay processes exactly what failed. */
final class InboundJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private InboundJson() {
    }

    static String write(InboundContact c) {
        ObjectNode n = MAPPER.createObjectNode().put("system", c.system()).put("externalId", c.externalId())
                .put("email", c.email()).put("firstName", c.firstName()).put("lastName", c.lastName())
                .put("birthDate", c.birthDate() == null ? null : c.birthDate().toString())
                .put("deleted", c.deleted()).put("modifiedAt", str(c.modifiedAt()));
        n.put("marketingConsent", c.marketingConsent());
        ObjectNode fields = n.putObject("loyaltyFields");
        c.loyaltyFields().forEach(fields::put);
        return n.toString();
    }

    static String write(InboundOrder o) {
        ObjectNode n = MAPPER.createObjectNode().put("system", o.system()).put("externalId", o.externalId())
                .put("contactExternalId", o.contactExternalId()).put("total", o.total())
                .put("currency", o.currency()).put("placedAt", str(o.placedAt()))
                .put("status", o.status() == null ? null : o.status().wireName())
                .put("refundedAmount", o.refundedAmount()).put("modifiedAt", str(o.modifiedAt()));
        var lines = n.putArray("lines");
        for (OrderLine line : o.lines()) {
            lines.addObject().put("sku", line.sku()).put("category", line.category())
                    .put("quantity", line.quantity()).put("unitPrice", line.unitPrice());
        }
        return n.toString();
    }

    static InboundContact contact(String json) {
        JsonNode n = tree(json);
        Map<String, String> fields = new LinkedHashMap<>();
        n.path("loyaltyFields").fields().forEachRemaining(e -> fields.put(e.getKey(), text(e.getValue())));
        JsonNode consent = n.get("marketingConsent");
        return new InboundContact(text(n.get("system")), text(n.get("externalId")), text(n.get("email")),
                text(n.get("firstName")), text(n.get("lastName")),
                n.hasNonNull("birthDate") ? LocalDate.parse(n.get("birthDate").asText()) : null,
                consent == null || consent.isNull() ? null : consent.asBoolean(), n.path("deleted").asBoolean(),
                instant(n.get("modifiedAt")), fields);
    }

    static InboundOrder order(String json) {
        JsonNode n = tree(json);
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode l : n.path("lines")) {
            lines.add(new OrderLine(text(l.get("sku")), text(l.get("category")), l.path("quantity").asInt(),
                    decimal(l.get("unitPrice"))));
        }
        return new InboundOrder(text(n.get("system")), text(n.get("externalId")), text(n.get("contactExternalId")),
                decimal(n.get("total")), text(n.get("currency")), instant(n.get("placedAt")),
                n.hasNonNull("status") ? OrderStatus.fromWire(n.get("status").asText()) : null,
                decimal(n.get("refundedAmount")), lines, instant(n.get("modifiedAt")));
    }

    static String write(InboundFeedback f) {
        return MAPPER.createObjectNode().put("system", f.system()).put("externalId", f.externalId())
                .put("contactExternalId", f.contactExternalId()).put("surveyId", f.surveyId())
                .put("surveyName", f.surveyName()).put("surveyType", f.surveyType()).put("score", f.score())
                .put("sentiment", f.sentiment()).put("comment", f.comment())
                .put("submittedAt", str(f.submittedAt())).put("modifiedAt", str(f.modifiedAt())).toString();
    }

    static InboundFeedback feedback(String json) {
        JsonNode n = tree(json);
        return new InboundFeedback(text(n.get("system")), text(n.get("externalId")), text(n.get("contactExternalId")),
                text(n.get("surveyId")), text(n.get("surveyName")), text(n.get("surveyType")),
                decimal(n.get("score")), text(n.get("sentiment")), text(n.get("comment")),
                instant(n.get("submittedAt")), instant(n.get("modifiedAt")));
    }

    /** Payloads are written by us; one that does not parse is a bug, not bad input. */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("dead-letter payload is not valid JSON", e);
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : new BigDecimal(node.asText());
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }
}

package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One Salesforce record as text by field name, whether it came as REST JSON or as a Bulk API CSV line, so both
 * paths map records the same way. Relationship fields use dots: {@code Product2.ProductCode}. Null when empty.
 */
@FunctionalInterface
interface Row {
    String get(String field);

    static Row of(JsonNode record) {
        return field -> {
            JsonNode node = record;
            for (String part : field.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
        };
    }

    /** A CSV line by header name; Bulk API writes empty for null. */
    static Row of(Map<String, String> csv) {
        return field -> {
            String value = csv.get(field);
            return value == null || value.isEmpty() ? null : value;
        };
    }
}

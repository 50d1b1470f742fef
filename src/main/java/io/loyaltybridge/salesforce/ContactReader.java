package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sync.CrmReader;
import io.loyaltybridge.sync.FieldMap;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the loyalty fields of Contacts by id with one SOQL query, for the side-by-side view. */
final class ContactReader implements CrmReader {
    // Salesforce ids are 15 or 18 letters and digits (Soql.isId); anything else never reaches a query.
    private final SalesforceApi api;
    private final FieldMap fields;

    ContactReader(SalesforceApi api, FieldMap fields) {
        this.api = api;
        this.fields = fields;
    }

    @Override
    public String system() {
        return ContactRecords.SYSTEM;
    }

    @Override
    public FieldMap fieldMap() {
        return fields;
    }

    @Override
    public Map<String, Map<String, String>> read(List<String> ids) {
        List<String> valid = ids.stream().filter(Soql::isId).distinct().toList();
        Map<String, Map<String, String>> byId = new HashMap<>();
        if (valid.isEmpty()) {
            return byId;
        }
        String select = String.join(", ", fields.fields().values());
        JsonNode page = api.query("SELECT Id, " + select + " FROM Contact WHERE Id IN (" + Soql.idList(valid) + ")",
                false);
        for (JsonNode record : page.path("records")) {
            Map<String, String> raw = new LinkedHashMap<>();
            fields.fields().values().forEach(f -> raw.put(f, record.path(f).isNull() || record.path(f).isMissingNode()
                    ? null : record.path(f).asText()));
            byId.put(record.path("Id").asText(), fields.observed(raw));
        }
        return byId;
    }
}

package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.sync.CrmWriter;
import io.loyaltybridge.sync.ErrorClass;
import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.ProfileAttribute;
import io.loyaltybridge.sync.PushRecord;
import io.loyaltybridge.sync.PushResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes loyalty fields onto Contacts with sObject Collections: one {@code PATCH /composite/sobjects} of up to
 * 200 records, {@code allOrNone=false}, so one refused record fails alone. The body is built here rather than
 * from DTOs because the field names are configuration; values get their JSON types (numbers as numbers, dates
 * and datetimes as Salesforce's ISO text, null to clear a field). A person contact is written through its person
 * account (type Account, its fields as {@code …__pc}) in the same call: Salesforce treats the person account as the
 * interface for person data and may refuse writes aimed at the person contact itself.
 */
final class ContactWriter implements CrmWriter {
    private final SalesforceApi api;
    private final FieldMap fields;
    private final PersonAccounts persons;

    ContactWriter(SalesforceApi api, FieldMap fields, PersonAccounts persons) {
        this.api = api;
        this.fields = fields;
        this.persons = persons;
    }

    @Override
    public String system() {
        return ContactRecords.SYSTEM;
    }

    @Override
    public int maxBatch() {
        return 200;
    }

    @Override
    public List<PushResult> write(List<PushRecord> records) {
        JsonNode answer = api.updateCollection(body(records).toString());
        List<PushResult> results = new ArrayList<>();
        // Results come in the order of the records sent; a failed one has no id of its own.
        for (int i = 0; i < records.size() && i < answer.size(); i++) {
            JsonNode result = answer.get(i);
            String id = records.get(i).externalId();
            if (result.path("success").asBoolean(false)) {
                results.add(PushResult.success(id));
            } else {
                JsonNode error = result.path("errors").path(0);
                String code = error.path("statusCode").asText("UNKNOWN");
                results.add(PushResult.failure(id, SalesforceErrors.ofRecord(code), code,
                        error.path("message").asText("") + fieldsOf(error)));
            }
        }
        return results;
    }

    @Override
    public ErrorClass classify(Exception failure) {
        return SalesforceErrors.classify(failure);
    }

    private ObjectNode body(List<PushRecord> records) {
        ObjectNode body = SalesforceApi.JSON.createObjectNode().put("allOrNone", false);
        ArrayNode list = body.putArray("records");
        Map<String, String> accounts = persons.enabled()
                ? persons.accountsOf(records.stream().map(PushRecord::externalId).toList()) : Map.of();
        for (PushRecord record : records) {
            ObjectNode contact = list.addObject();
            String account = accounts.get(record.externalId());
            contact.putObject("attributes").put("type", account == null ? "Contact" : "Account");
            contact.put("Id", account == null ? record.externalId() : account);
            for (Map.Entry<String, String> field : record.fields().entrySet()) {
                put(contact, account == null ? field.getKey() : PersonAccounts.accountField(field.getKey()),
                        field.getKey(), field.getValue());
            }
        }
        return body;
    }

    /** {@code field} as named on the record written; {@code contactField} as configured (it says the kind). */
    private void put(ObjectNode contact, String field, String contactField, String value) {
        if (value == null) {
            contact.putNull(field);
            return;
        }
        ProfileAttribute.Kind kind = fields.attributeOf(contactField).map(ProfileAttribute::kind)
                .orElse(ProfileAttribute.Kind.TEXT);
        switch (kind) {
            case NUMBER -> contact.put(field, new BigDecimal(value));
            case DATETIME -> contact.put(field, Values.soql(Instant.parse(value)));
            case DATE, TEXT -> contact.put(field, value);
        }
    }

    private static String fieldsOf(JsonNode error) {
        return error.path("fields").isEmpty() ? "" : " (fields: " + error.path("fields") + ")";
    }
}

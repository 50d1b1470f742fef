package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.sync.CrmWriter;
import io.loyaltybridge.sync.ErrorClass;
import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.ProfileAttribute;
import io.loyaltybridge.sync.PushRecord;
import io.loyaltybridge.sync.PushResult;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes loyalty fields with POST /crm/v3/objects/contacts/batch/update, 100 contacts a call, only the changed
 * properties. A 207 answer names the inputs that failed in {@code errors[].context.ids}: those fail alone (a
 * missing or rejected contact is permanent, anything else is retried), the rest succeeded. Each success's
 * {@code updatedAt} is remembered so the change it causes is recognised as our own echo when it is read back.
 */
final class HubSpotWriter implements CrmWriter {
    private final HubSpotClient client;
    private final FieldMap fields;
    private final EchoFilter echoes;

    HubSpotWriter(HubSpotClient client, FieldMap fields, EchoFilter echoes) {
        this.client = client;
        this.fields = fields;
        this.echoes = echoes;
    }

    @Override
    public String system() {
        return ContactMapper.SYSTEM;
    }

    @Override
    public int maxBatch() {
        return 100;
    }

    @Override
    public List<PushResult> write(List<PushRecord> records) {
        ObjectNode body = HubSpotClient.JSON.createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        for (PushRecord record : records) {
            ObjectNode properties = inputs.addObject().put("id", record.externalId()).putObject("properties");
            record.fields().forEach((name, value) -> properties.put(name, wire(name, value)));
        }
        HubSpotClient.Answer answer = client.post("/crm/v3/objects/contacts/batch/update", body).orThrow();
        List<PushResult> results = new ArrayList<>();
        for (JsonNode ok : answer.json().path("results")) {
            echoes.wrote(ok.path("id").asText(), ContactMapper.instant(ok.path("updatedAt").asText(null)));
            results.add(PushResult.success(ok.path("id").asText()));
        }
        for (JsonNode error : answer.json().path("errors")) {
            String category = error.path("category").asText();
            ErrorClass errorClass = category.equals("OBJECT_NOT_FOUND") || category.equals("VALIDATION_ERROR")
                    ? ErrorClass.PERMANENT : ErrorClass.RETRIABLE;
            for (JsonNode id : error.path("context").path("ids")) {
                results.add(PushResult.failure(id.asText(), errorClass, category, error.path("message").asText()));
            }
        }
        return results;
    }

    @Override
    public ErrorClass classify(Exception failure) {
        return failure instanceof HubSpotException e && !e.retriable() ? ErrorClass.PERMANENT : ErrorClass.RETRIABLE;
    }

    /** Values as HubSpot takes them: dates as midnight UTC and datetimes as epoch milliseconds, empty clears. */
    private String wire(String property, String value) {
        if (value == null) {
            return "";
        }
        ProfileAttribute.Kind kind = fields.attributeOf(property).map(ProfileAttribute::kind)
                .orElse(ProfileAttribute.Kind.TEXT);
        return switch (kind) {
            case DATE -> Long.toString(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            case DATETIME -> Long.toString(Instant.parse(value).toEpochMilli());
            case TEXT, NUMBER -> value;
        };
    }
}

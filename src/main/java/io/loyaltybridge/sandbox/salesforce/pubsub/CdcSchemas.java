package io.loyaltybridge.sandbox.salesforce.pubsub;

import io.loyaltybridge.sandbox.salesforce.data.FieldDef;
import io.loyaltybridge.sandbox.salesforce.data.SObjectType;
import io.loyaltybridge.sandbox.salesforce.data.Schemas;
import org.apache.avro.Schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Avro schemas of the change events, shaped like Salesforce's: namespace {@code com.sforce.eventbus}, the
 * {@code ChangeEventHeader} record first, then every tracked field as an optional union, the name parts nested in
 * a compound {@code Name} record. Dates are {@code int} (days), datetimes {@code long} (millis), as on the wire.
 */
public final class CdcSchemas {
    static final List<String> CHANGE_TYPES = List.of("CREATE", "UPDATE", "DELETE", "UNDELETE", "GAP_CREATE",
            "GAP_UPDATE", "GAP_DELETE", "GAP_UNDELETE", "GAP_OVERFLOW", "SNAPSHOT");

    /** One entity's schema: Avro form, JSON text and the id clients fetch it by. */
    public record EntitySchema(String entity, Schema schema, String json, String id) {
    }

    private final Map<String, EntitySchema> byEntity = new LinkedHashMap<>();
    private final Map<String, EntitySchema> byId = new LinkedHashMap<>();

    public CdcSchemas(Schemas schemas) {
        for (SObjectType t : schemas.all()) {
            if (t.changeEvents()) {
                String json = json(t);
                EntitySchema s = new EntitySchema(t.name(), new Schema.Parser().parse(json), json, idOf(json));
                byEntity.put(t.name(), s);
                byId.put(s.id(), s);
            }
        }
    }

    public EntitySchema forEntity(String entity) {
        return byEntity.get(entity);
    }

    public EntitySchema forId(String schemaId) {
        return byId.get(schemaId);
    }

    public Iterable<EntitySchema> all() {
        return byEntity.values();
    }

    private static String json(SObjectType t) {
        List<String> fields = new ArrayList<>();
        fields.add(field("ChangeEventHeader", header()));
        Map<String, List<FieldDef>> compounds = new LinkedHashMap<>();
        for (FieldDef f : t.fields()) {
            if (!f.inChangeEvents()) {
                continue;
            }
            if (f.compound() != null) {
                if (!compounds.containsKey(f.compound())) {
                    compounds.put(f.compound(), new ArrayList<>());
                    fields.add("@" + f.compound());
                }
                compounds.get(f.compound()).add(f);
            } else {
                fields.add(optional(f.name(), avroType(f)));
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).startsWith("@")) {
                String name = fields.get(i).substring(1);
                fields.set(i, optional(name, personName(compounds.get(name))));
            }
        }
        return "{\"type\":\"record\",\"name\":\"" + t.name() + "ChangeEvent\",\"namespace\":\"com.sforce.eventbus\","
                + "\"fields\":[" + String.join(",", fields) + "]}";
    }

    /** Salesforce's compound name type also has Salutation, MiddleName and Suffix; we keep the parts we model. */
    private static String personName(List<FieldDef> parts) {
        List<String> fields = new ArrayList<>();
        for (FieldDef f : parts) {
            fields.add(optional(f.name(), avroType(f)));
        }
        return "{\"type\":\"record\",\"name\":\"Switchable_PersonName\",\"fields\":[" + String.join(",", fields)
                + "]}";
    }

    private static String header() {
        String strings = "{\"type\":\"array\",\"items\":\"string\"}";
        return "{\"type\":\"record\",\"name\":\"ChangeEventHeader\",\"fields\":["
                + field("entityName", "\"string\"") + "," + field("recordIds", strings) + ","
                + field("changeType", "{\"type\":\"enum\",\"name\":\"ChangeType\",\"symbols\":[\""
                        + String.join("\",\"", CHANGE_TYPES) + "\"]}") + ","
                + field("changeOrigin", "\"string\"") + "," + field("transactionKey", "\"string\"") + ","
                + field("sequenceNumber", "\"int\"") + "," + field("commitTimestamp", "\"long\"") + ","
                + field("commitNumber", "\"long\"") + "," + field("commitUser", "\"string\"") + ","
                + field("nulledFields", strings) + "," + field("diffFields", strings) + ","
                + field("changedFields", strings) + "]}";
    }

    private static String avroType(FieldDef f) {
        return switch (f.type()) {
            case BOOLEAN -> "\"boolean\"";
            case DOUBLE, CURRENCY -> "\"double\"";
            case DATE -> "{\"type\":\"int\",\"logicalType\":\"date\"}";
            case DATETIME -> "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}";
            default -> "\"string\"";
        };
    }

    private static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":" + type + "}";
    }

    private static String optional(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":[\"null\"," + type + "],\"default\":null}";
    }

    /** Salesforce schema ids are 22-char URL-safe Base64 strings; a digest of the schema gives the same shape. */
    private static String idOf(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(json.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

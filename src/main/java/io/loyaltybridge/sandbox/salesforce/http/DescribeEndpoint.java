package io.loyaltybridge.sandbox.salesforce.http;

import io.loyaltybridge.sandbox.salesforce.data.FieldDef;
import io.loyaltybridge.sandbox.salesforce.data.FieldType;
import io.loyaltybridge.sandbox.salesforce.data.SObjectType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /sobjects} (global describe), {@code GET /sobjects/{type}} (basic information) and
 * {@code GET /sobjects/{type}/describe}, in Salesforce's shapes, from the sandbox org's own schema: what a client
 * learns here (a field missing in a single-currency org, say) is what a query will find.
 */
final class DescribeEndpoint {
    private final Peer peer;

    DescribeEndpoint(Peer peer) {
        this.peer = peer;
    }

    void global(ApiCall call) {
        List<Map<String, Object>> sobjects = new ArrayList<>();
        for (SObjectType type : peer.org.schemas().all()) {
            sobjects.add(summary(type, call.apiVersion()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("encoding", "UTF-8");
        body.put("maxBatchSize", 200);
        body.put("sobjects", sobjects);
        Replies.json(call.ctx(), 200, body);
    }

    void basic(ApiCall call, String typeName) {
        SObjectType type = peer.org.schemas().get(typeName);
        if (type == null) {
            Replies.error(call.ctx(), 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objectDescribe", summary(type, call.apiVersion()));
        body.put("recentItems", List.of());
        Replies.json(call.ctx(), 200, body);
    }

    void describe(ApiCall call, String typeName) {
        SObjectType type = peer.org.schemas().get(typeName);
        if (type == null) {
            Replies.error(call.ctx(), 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        Map<String, Object> body = summary(type, call.apiVersion());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldDef f : type.fields()) {
            if (!peer.org.schemas().hidden(type, f.name())) {
                fields.add(field(type, f));
            }
        }
        body.put("fields", fields);
        List<Map<String, Object>> children = new ArrayList<>();
        for (SObjectType other : peer.org.schemas().all()) {
            for (SObjectType.ChildRelationship rel : childRelationshipsOf(type, other)) {
                Map<String, Object> child = new LinkedHashMap<>();
                child.put("cascadeDelete", true);
                child.put("childSObject", rel.childType());
                child.put("field", rel.field());
                child.put("relationshipName", rel.name());
                children.add(child);
            }
        }
        body.put("childRelationships", children);
        Replies.json(call.ctx(), 200, body);
    }

    private static List<SObjectType.ChildRelationship> childRelationshipsOf(SObjectType parent, SObjectType other) {
        List<SObjectType.ChildRelationship> out = new ArrayList<>();
        for (FieldDef f : other.fields()) {
            if (f.referenceTo() != null && f.referenceTo().equals(parent.name())) {
                SObjectType.ChildRelationship named = parent.childFor(other.name(), f.name());
                out.add(named != null ? named : new SObjectType.ChildRelationship(null, other.name(), f.name()));
            }
        }
        return out;
    }

    private Map<String, Object> summary(SObjectType type, String version) {
        boolean event = type.name().endsWith("__e");
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", type.name());
        o.put("label", label(type.name()));
        o.put("labelPlural", label(type.name()) + "s");
        o.put("keyPrefix", type.keyPrefix());
        o.put("custom", type.name().endsWith("__c") || event);
        boolean writable = !type.apiReadOnly();
        o.put("createable", writable);
        o.put("updateable", !event && writable);
        o.put("deletable", !event && writable && !type.name().equals("Organization"));
        o.put("queryable", !event);
        o.put("retrieveable", !event);
        o.put("searchable", !event);
        String base = "/services/data/v" + version + "/sobjects/" + type.name();
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("sobject", base);
        urls.put("describe", base + "/describe");
        urls.put("rowTemplate", base + "/{ID}");
        o.put("urls", urls);
        return o;
    }

    private Map<String, Object> field(SObjectType type, FieldDef f) {
        boolean system = !f.updateable() && f.referenceTo() == null;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", f.name());
        d.put("label", f.label());
        d.put("type", f.type().soapName());
        d.put("soapType", soapType(f.type()));
        d.put("length", f.type().isText() ? f.length() : 0);
        d.put("precision", f.type().isNumber() ? 18 : 0);
        d.put("scale", f.type().isNumber() ? 2 : 0);
        d.put("nillable", f.nillable());
        d.put("createable", f.updateable() && !type.apiReadOnly());
        d.put("updateable", f.updateable() && !type.apiReadOnly());
        d.put("custom", f.name().endsWith("__c"));
        d.put("calculated", false);
        d.put("defaultedOnCreate", system || f.type() == FieldType.BOOLEAN);
        d.put("externalId", peer.org.schemas().isExternalId(type, f.name()));
        d.put("idLookup", f.type() == FieldType.ID || peer.org.schemas().isExternalId(type, f.name()));
        d.put("filterable", true);
        d.put("sortable", true);
        d.put("referenceTo", f.referenceTo() == null ? List.of() : List.of(f.referenceTo()));
        d.put("relationshipName", f.relationshipName());
        d.put("compoundFieldName", f.compound());
        d.put("picklistValues", List.of());
        return d;
    }

    private static String soapType(FieldType type) {
        return switch (type) {
            case ID, REFERENCE -> "tns:ID";
            case BOOLEAN -> "xsd:boolean";
            case DOUBLE, CURRENCY -> "xsd:double";
            case DATE -> "xsd:date";
            case DATETIME -> "xsd:dateTime";
            default -> "xsd:string";
        };
    }

    /** "OrderItem" reads "Order Item", "Loyalty_Event__e" reads "Loyalty Event". */
    private static String label(String apiName) {
        String base = apiName.replaceAll("__[a-z]$", "").replace('_', ' ');
        return base.replaceAll("([a-z])([A-Z])", "$1 $2");
    }
}

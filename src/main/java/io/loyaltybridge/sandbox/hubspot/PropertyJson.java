package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Property definitions and groups to and from the properties API's JSON. */
final class PropertyJson {
    private PropertyJson() {
    }

    static PropertyDef parse(JsonNode b, long now) {
        List<PropertyDef.Option> options = options(b.get("options"));
        return new PropertyDef(Json.required(b, "name").asText(), Json.required(b, "label").asText(),
                Json.required(b, "type").asText(), Json.required(b, "fieldType").asText(),
                Json.required(b, "groupName").asText(), Json.text(b, "description", ""), List.copyOf(options),
                b.has("displayOrder") ? b.get("displayOrder").asInt() : -1,
                b.has("hasUniqueValue") && b.get("hasUniqueValue").asBoolean(), false, false, now);
    }

    /** The property with the fields a PATCH body gives replacing its own; name and creation stay. */
    static PropertyDef merge(PropertyDef d, JsonNode b) {
        return new PropertyDef(d.name(), Json.text(b, "label", d.label()), Json.text(b, "type", d.type()),
                Json.text(b, "fieldType", d.fieldType()), Json.text(b, "groupName", d.groupName()),
                Json.text(b, "description", d.description()),
                b.has("options") ? options(b.get("options")) : d.options(),
                b.has("displayOrder") ? b.get("displayOrder").asInt() : d.displayOrder(), d.hasUniqueValue(),
                d.hubspotDefined(), d.derived(), d.createdAt());
    }

    private static List<PropertyDef.Option> options(JsonNode opts) {
        List<PropertyDef.Option> options = new ArrayList<>();
        if (opts != null && opts.isArray()) {
            for (JsonNode o : opts) {
                options.add(new PropertyDef.Option(Json.required(o, "label").asText(), Json.required(o, "value").asText(),
                        o.has("displayOrder") ? o.get("displayOrder").asInt() : -1,
                        o.has("hidden") && o.get("hidden").asBoolean(), Json.text(o, "description", "")));
            }
        }
        return List.copyOf(options);
    }

    static ObjectNode view(PropertyDef d) {
        ObjectNode o = Json.object();
        o.put("name", d.name()).put("label", d.label()).put("type", d.type()).put("fieldType", d.fieldType());
        o.put("groupName", d.groupName()).put("description", d.description());
        ArrayNode opts = o.putArray("options");
        for (PropertyDef.Option op : d.options()) {
            opts.addObject().put("label", op.label()).put("value", op.value()).put("displayOrder", op.displayOrder())
                    .put("hidden", op.hidden()).put("description", op.description());
        }
        o.put("displayOrder", d.displayOrder()).put("hasUniqueValue", d.hasUniqueValue()).put("hidden", false);
        o.put("formField", !d.derived()).put("calculated", false).put("externalOptions", false);
        if (d.hubspotDefined()) {
            o.put("hubspotDefined", true);
        } else {
            String at = ValueRules.iso(d.createdAt());
            o.put("createdAt", at).put("updatedAt", at).put("archived", false);
        }
        o.putObject("modificationMetadata").put("archivable", !d.hubspotDefined())
                .put("readOnlyDefinition", d.hubspotDefined()).put("readOnlyValue", d.derived());
        return o;
    }

    static ObjectNode view(PropertyGroup g) {
        return Json.object().put("name", g.name()).put("label", g.label()).put("displayOrder", g.displayOrder())
                .put("archived", false);
    }
}

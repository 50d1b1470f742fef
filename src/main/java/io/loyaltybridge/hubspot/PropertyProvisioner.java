package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.ProfileAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates what the push needs on HubSpot contacts: the property group and each mapped property, with the type its
 * values need (numbers as number, dates as date; tier, projected tier, segment, downgrade risk and next-best offer as
 * enumerations with the program's options). Existing properties keep their type, even when it differs (an admin may
 * have chosen it; that is logged), but an existing enumeration gets the program's options again when they changed
 * (tiers or offers edited in program.yaml), so a push never sends a value the property refuses. Calls: read the
 * group, list the properties, create the missing ones in one batch, and one update per enumeration whose options
 * changed (none on a start with the same program).
 */
final class PropertyProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(PropertyProvisioner.class);
    private static final String PROPERTIES = "/crm/v3/properties/contacts";

    private final HubSpotClient client;
    private final FieldMap fields;
    private final String group;
    private final Map<ProfileAttribute, List<String>> options;

    PropertyProvisioner(HubSpotClient client, FieldMap fields, String group,
                        Map<ProfileAttribute, List<String>> options) {
        this.client = client;
        this.fields = fields;
        this.group = group;
        this.options = options;
    }

    /** Returns the number of properties created. */
    int provision() {
        HubSpotClient.Answer existingGroup = client.get(PROPERTIES + "/groups/" + group, null);
        if (existingGroup.status() == 404) {
            client.post(PROPERTIES + "/groups", HubSpotClient.JSON.createObjectNode().put("name", group)
                    .put("label", capitalised(group)).put("displayOrder", -1)).orThrow();
            LOG.info("HubSpot: created the contact property group '{}'", group);
        } else {
            existingGroup.orThrow();
        }
        Set<String> existing = new HashSet<>();
        for (JsonNode property : client.get(PROPERTIES, null).orThrow().json().path("results")) {
            existing.add(property.path("name").asText());
            warnIfMistyped(property);
            updateOptions(property);
        }
        ObjectNode batch = HubSpotClient.JSON.createObjectNode();
        ArrayNode inputs = batch.putArray("inputs");
        fields.fields().forEach((attribute, name) -> {
            if (!existing.contains(name)) {
                inputs.add(definition(attribute, name));
            }
        });
        if (!inputs.isEmpty()) {
            client.post(PROPERTIES + "/batch/create", batch).orThrow();
            LOG.info("HubSpot: created {} contact properties in group '{}'", inputs.size(), group);
        }
        return inputs.size();
    }

    private ObjectNode definition(ProfileAttribute attribute, String name) {
        ObjectNode p = HubSpotClient.JSON.createObjectNode().put("name", name)
                .put("label", "Loyalty " + attribute.key().replace('-', ' ')).put("groupName", group);
        List<String> choices = options.get(attribute);
        if (choices != null && !choices.isEmpty()) { // HubSpot refuses an enumeration without options
            p.put("type", "enumeration").put("fieldType", "select");
            PropertyOptions.write(PropertyOptions.wanted(choices, HubSpotClient.JSON.createArrayNode()),
                    p.putArray("options"));
            return p;
        }
        String[] type = switch (attribute.kind()) {
            case NUMBER -> new String[] {"number", "number"};
            case DATE -> new String[] {"date", "date"};
            case DATETIME -> new String[] {"datetime", "date"};
            case TEXT -> new String[] {"string", "text"};
        };
        return p.put("type", type[0]).put("fieldType", type[1]);
    }

    /** Sends the program's options to an enumeration we map whose options differ from them. */
    private void updateOptions(JsonNode property) {
        String name = property.path("name").asText();
        fields.attributeOf(name).filter(options::containsKey)
                .filter(attribute -> "enumeration".equals(property.path("type").asText())).ifPresent(attribute -> {
                    JsonNode held = property.path("options");
                    List<PropertyOptions.Option> wanted = PropertyOptions.wanted(options.get(attribute), held);
                    if (!wanted.equals(PropertyOptions.existing(held))) {
                        ObjectNode update = HubSpotClient.JSON.createObjectNode();
                        PropertyOptions.write(wanted, update.putArray("options"));
                        client.call("PATCH", PROPERTIES + "/" + name, null, update, false).orThrow();
                        LOG.info("HubSpot: updated the options of contact property '{}' to the program's", name);
                    }
                });
    }

    private void warnIfMistyped(JsonNode property) {
        fields.attributeOf(property.path("name").asText()).ifPresent(attribute -> {
            String expected = definition(attribute, "x").path("type").asText();
            if (!expected.equals(property.path("type").asText())) {
                LOG.warn("HubSpot: contact property '{}' exists with type {} (we would create {}); left as it is",
                        property.path("name").asText(), property.path("type").asText(), expected);
            }
        });
    }

    private static String capitalised(String value) {
        return PropertyOptions.label(value);
    }
}

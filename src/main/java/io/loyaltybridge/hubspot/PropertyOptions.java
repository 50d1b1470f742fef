package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options an enumeration property should offer: the program's current values (tiers, offer messages, risk
 * levels ...) shown in program order, then any value the property offered before and the program dropped, hidden.
 * Hidden rather than removed: contacts that still hold a dropped value keep a valid one until their next push, and
 * HubSpot keeps showing its label in their history.
 */
final class PropertyOptions {
    private PropertyOptions() {
    }

    /** One option as we send it and compare it. */
    record Option(String value, boolean hidden) {
    }

    static List<Option> wanted(List<String> current, JsonNode existingOptions) {
        List<Option> options = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>(current);
        shown.forEach(value -> options.add(new Option(value, false)));
        for (JsonNode o : existingOptions) {
            String value = o.path("value").asText();
            if (!shown.contains(value)) {
                options.add(new Option(value, true));
            }
        }
        return options;
    }

    static List<Option> existing(JsonNode existingOptions) {
        List<Option> options = new ArrayList<>();
        existingOptions.forEach(o -> options.add(new Option(o.path("value").asText(), o.path("hidden").asBoolean())));
        return options;
    }

    static void write(List<Option> options, ArrayNode into) {
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            into.addObject().put("label", label(option.value())).put("value", option.value())
                    .put("hidden", option.hidden()).put("displayOrder", i);
        }
    }

    /** Identifiers (gold, at-risk) read as words; a sentence (an offer's message) is shown as written. */
    static String label(String value) {
        if (value.contains(" ")) {
            return value;
        }
        String words = value.replace('_', ' ').replace('-', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}

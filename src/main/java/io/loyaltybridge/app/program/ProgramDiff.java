package io.loyaltybridge.app.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules one program file changes against another, key by key rather than line by line: comments, order and
 * layout do not count, and list items with an {@code id} or {@code name} are matched by it
 * ({@code earning.campaigns[spring-double].multiplier: 2 → 3}), so inserting a campaign does not shift the rest.
 */
public final class ProgramDiff {
    private static final YAMLMapper YAML = new YAMLMapper();

    /** One rule changed: its path, and its value before and after (null: absent on that side). */
    public record Change(String path, String before, String after) {
        @Override
        public String toString() {
            return before == null ? "added " + path + ": " + after
                    : after == null ? "removed " + path + ": " + before
                    : "changed " + path + ": " + before + " → " + after;
        }
    }

    private ProgramDiff() {
    }

    /** Both files must have loaded as programs already; what differs, in the candidate's order of keys. */
    public static List<Change> between(byte[] inForce, byte[] candidate) {
        Map<String, String> before = flatten(read(inForce));
        Map<String, String> after = flatten(read(candidate));
        Set<String> paths = new LinkedHashSet<>(after.keySet());
        paths.addAll(before.keySet());
        List<Change> changes = new ArrayList<>();
        for (String path : paths) {
            String a = before.get(path);
            String b = after.get(path);
            if (a == null ? b != null : !a.equals(b)) {
                changes.add(new Change(path, a, b));
            }
        }
        return changes;
    }

    private static JsonNode read(byte[] content) {
        try {
            return YAML.readTree(content);
        } catch (IOException e) {
            throw new UncheckedIOException("a program file that loaded could not be read again", e);
        }
    }

    private static Map<String, String> flatten(JsonNode root) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten(root, "", values);
        return values;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(f.getValue(), path.isEmpty() ? f.getKey()
                    : path + "." + f.getKey(), into));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String key = item.hasNonNull("id") ? item.get("id").asText()
                        : item.hasNonNull("name") ? item.get("name").asText() : Integer.toString(i);
                flatten(item, path + "[" + key + "]", into);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            into.put(path, items.toString());
        } else {
            into.put(path, node.asText());
        }
    }
}

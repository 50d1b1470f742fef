package io.loyaltybridge.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.loyaltybridge.domain.notify.EventType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notification templates of {@code config/notifications.yaml}: a subject and a body per event type with
 * {@code {{placeholders}}}. Every placeholder is checked when the file is loaded, so a typo stops the start instead
 * of sending "Hello {{frist_name}}" to members.
 */
public final class Templates {
    /** Profile values every template may use (see PgNotifyProfiles and Notification). */
    public static final Set<String> PROFILE = Set.of("member_id", "first_name", "last_name", "points_balance",
            "lifetime_points", "tier", "event_type", "occurred_at");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]*)\\s*}}");

    /** One event type's texts. */
    public record Template(String subject, String body) {
    }

    private final Map<EventType, Template> templates;

    private Templates(Map<EventType, Template> templates) {
        this.templates = templates;
    }

    /** Loads and checks the file; every problem is listed, each naming the file, the event and the placeholder. */
    public static Templates load(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new TemplateException(file + ": cannot read the notification templates: " + e.getMessage());
        }
        Map<EventType, Template> templates = new EnumMap<>(EventType.class);
        List<String> problems = new ArrayList<>();
        if (root != null && !root.isObject()) {
            problems.add(file + ": must map event types to {subject, body}");
        }
        Iterator<Map.Entry<String, JsonNode>> entries = root == null ? java.util.Collections.emptyIterator()
                : root.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            EventType type;
            try {
                type = EventType.fromWire(entry.getKey());
            } catch (IllegalArgumentException e) {
                problems.add(file + ": unknown event type '" + entry.getKey() + "'");
                continue;
            }
            String subject = text(entry.getValue(), "subject", file, entry.getKey(), problems);
            String body = text(entry.getValue(), "body", file, entry.getKey(), problems);
            checkPlaceholders(type, subject, file, problems);
            checkPlaceholders(type, body, file, problems);
            templates.put(type, new Template(subject, body));
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(String.join("; ", problems));
        }
        return new Templates(templates);
    }

    private static String text(JsonNode node, String field, Path file, String event, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(file + ": event " + event + ": '" + field + "' must be a non-empty text");
            return "";
        }
        return value.asText();
    }

    private static void checkPlaceholders(EventType type, String text, Path file, List<String> problems) {
        Set<String> allowed = new HashSet<>(PROFILE);
        allowed.addAll(type.dataKeys());
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!allowed.contains(matcher.group(1))) {
                problems.add(file + ": event " + type.wireName() + ": unknown placeholder {{" + matcher.group(1)
                        + "}} (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** The event's subject and body with the values filled in; a default text for a type without a template. */
    public Template render(EventType type, Map<String, String> values) {
        Template template = templates.getOrDefault(type, new Template("Loyalty: " + type.wireName().replace('_', ' '),
                "Loyalty event " + type.wireName() + " for member {{member_id}}."));
        return new Template(fill(template.subject(), values), fill(template.body(), values));
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A template file that cannot be used. */
    public static final class TemplateException extends RuntimeException {
        public TemplateException(String message) {
            super(message);
        }
    }
}

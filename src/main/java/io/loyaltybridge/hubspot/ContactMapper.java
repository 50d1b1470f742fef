package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.ProfileAttribute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HubSpot contacts (SimplePublicObject) as the sync engine's {@link InboundContact}s. */
final class ContactMapper {
    static final String SYSTEM = "hubspot";
    static final String MODIFIED = "lastmodifieddate";

    private final FieldMap fields;
    private final String birthDateProperty;

    private final String optOutProperty;
    private final String consentProperty;

    ContactMapper(FieldMap fields, String birthDateProperty) {
        this(fields, birthDateProperty, "none", null);
    }

    /** {@code optOutProperty} "none" or {@code consentProperty} null: that property is not read. */
    ContactMapper(FieldMap fields, String birthDateProperty, String optOutProperty, String consentProperty) {
        this.fields = fields;
        this.birthDateProperty = birthDateProperty;
        this.optOutProperty = "none".equals(optOutProperty) ? null : optOutProperty;
        this.consentProperty = consentProperty;
    }

    /** The properties to ask for: identity, names, birth date, modified date and every mapped loyalty property. */
    List<String> properties() {
        List<String> names = new ArrayList<>(List.of("email", "firstname", "lastname", birthDateProperty, MODIFIED));
        if (optOutProperty != null) {
            names.add(optOutProperty);
        }
        if (consentProperty != null) {
            names.add(consentProperty);
        }
        names.addAll(fields.fields().values());
        return names;
    }

    InboundContact contact(JsonNode record) {
        JsonNode p = record.path("properties");
        Map<String, String> loyalty = new LinkedHashMap<>();
        // Every mapped property, null when HubSpot shows it empty: an empty field is known to be empty.
        fields.fields().forEach((attribute, name) -> loyalty.put(name, shown(attribute, text(p, name))));
        return new InboundContact(SYSTEM, record.path("id").asText(), text(p, "email"), text(p, "firstname"),
                text(p, "lastname"), date(text(p, birthDateProperty)), consent(p), false, modified(record, MODIFIED),
                loyalty);
    }

    /**
     * The consent property decides when filled; otherwise an opted-out contact has refused marketing, while one
     * that is not opted out has not said yes either (null: the member's consent stays as it is).
     */
    private Boolean consent(JsonNode p) {
        String given = consentProperty == null ? null : text(p, consentProperty);
        if (given != null) {
            return Boolean.parseBoolean(given);
        }
        String optedOut = optOutProperty == null ? null : text(p, optOutProperty);
        return "true".equalsIgnoreCase(optedOut) ? Boolean.FALSE : null;
    }

    /** A contact gone from HubSpot (deleted or merged away), known only by id and when that happened. */
    static InboundContact gone(String id, Instant when) {
        return new InboundContact(SYSTEM, id, null, null, null, null, null, true, when, Map.of());
    }

    static Instant modified(JsonNode record, String property) {
        String value = text(record.path("properties"), property);
        Instant at = instant(value);
        return at != null ? at : instant(record.path("updatedAt").asText(null));
    }

    static String text(JsonNode properties, String name) {
        JsonNode v = properties.get(name);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        return value.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(value))
                : Instant.parse(value);
    }

    /** HubSpot shows dates as yyyy-MM-dd, or as epoch milliseconds of midnight UTC in older answers. */
    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        return value.chars().allMatch(Character::isDigit)
                ? LocalDate.ofEpochDay(Math.floorDiv(Long.parseLong(value), 86_400_000L))
                : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    }

    private static String shown(ProfileAttribute attribute, String raw) {
        if (raw != null && attribute.kind() == ProfileAttribute.Kind.DATE) {
            return date(raw).toString();
        }
        return raw;
    }
}

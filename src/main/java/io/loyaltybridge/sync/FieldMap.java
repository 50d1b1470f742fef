package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.LoyaltyProfile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which CRM field shows which attribute, for one CRM. An attribute mapped to nothing is not synced. Built from the
 * connector's defaults and the {@code loyalty.<crm>.field.<attribute>} keys.
 */
public final class FieldMap {
    private final Map<ProfileAttribute, String> fields;

    public FieldMap(Map<ProfileAttribute, String> fields) {
        Map<ProfileAttribute, String> copy = new EnumMap<>(ProfileAttribute.class);
        fields.forEach((attribute, field) -> {
            if (field != null && !field.isBlank()) {
                copy.put(attribute, field.strip());
            }
        });
        this.fields = Collections.unmodifiableMap(copy);
    }

    public Map<ProfileAttribute, String> fields() {
        return fields;
    }

    public Optional<ProfileAttribute> attributeOf(String crmField) {
        return fields.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(crmField))
                .map(Map.Entry::getKey).findFirst();
    }

    /** CRM field → canonical value for every mapped attribute except the update stamp. */
    public Map<String, String> valuesOf(LoyaltyProfile profile) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((attribute, field) -> {
            if (attribute != ProfileAttribute.UPDATED_AT) {
                values.put(field, attribute.valueOf(profile));
            }
        });
        return values;
    }

    /** Canonical values of the mapped fields among a CRM record's raw fields (what the CRM shows now). */
    public Map<String, String> observed(Map<String, String> rawCrmFields) {
        Map<String, String> observed = new LinkedHashMap<>();
        fields.forEach((attribute, field) -> {
            if (attribute != ProfileAttribute.UPDATED_AT && rawCrmFields.containsKey(field)) {
                observed.put(field, attribute.canonical(rawCrmFields.get(field)));
            }
        });
        return observed;
    }
}

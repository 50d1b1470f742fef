package io.loyaltybridge.salesforce;

import io.loyaltybridge.app.Setting;

import java.util.List;
import java.util.Locale;

/** Setting kinds the core's {@link Setting} factories do not offer: yes/no and one of a fixed list. */
final class SettingTypes {
    private SettingTypes() {
    }

    static Setting<Boolean> bool(String name, boolean defaultValue, String doc) {
        return new Setting<>(name, raw -> switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("true or false");
        }, defaultValue, value -> null, doc);
    }

    static Setting<String> choice(String name, String defaultValue, List<String> allowed, String doc) {
        return new Setting<>(name, raw -> raw.strip().toLowerCase(Locale.ROOT), defaultValue,
                value -> allowed.contains(value) ? null : "must be one of " + String.join(", ", allowed), doc);
    }
}

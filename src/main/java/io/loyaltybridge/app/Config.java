package io.loyaltybridge.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The checked configuration: every declared {@link Setting} parsed and validated at once, so a bad file fails the
 * start with the full list of what to fix rather than one problem per attempt.
 */
public final class Config {
    private final Map<String, Object> values;
    private final Map<String, String> env;

    private Config(Map<String, Object> values, Map<String, String> env) {
        this.values = values;
        this.env = env;
    }

    public static Config load(Properties properties, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Config config = load(properties, env, problems);
        if (!problems.isEmpty()) {
            throw StartupException.of(problems);
        }
        return config;
    }

    /**
     * Adds every problem to {@code problems} and returns the configuration with defaults in place of invalid values,
     * so that the checks that depend on it (secrets, program) can still run and report theirs in the same error.
     */
    static Config load(Properties properties, Map<String, String> env, List<String> problems) {
        Map<String, Object> values = new HashMap<>();
        for (Setting<?> setting : Settings.ALL) {
            String raw = properties.getProperty(setting.name());
            Object value = raw == null || raw.isBlank() ? setting.defaultValue() : setting.parse(raw, problems);
            if (value == null) {
                value = setting.defaultValue();
            }
            if (value != null) {
                values.put(setting.name(), value);
            }
        }
        for (String key : properties.stringPropertyNames()) {
            boolean declared = Settings.ALL.stream().anyMatch(s -> s.name().equals(key));
            if (key.startsWith("loyalty.") && !declared) {
                problems.add(key + ": unknown key" + (looksSecret(key)
                        ? "; secrets belong in the environment (" + String.join(", ", Settings.SECRETS.keySet()) + ")"
                        : ""));
            }
        }
        return new Config(values, env);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting.name());
    }

    /** A secret from the environment, or null. */
    public String secret(String variable) {
        if (!Settings.SECRETS.containsKey(variable)) {
            throw new IllegalArgumentException("undeclared secret " + variable);
        }
        String value = env.get(variable);
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("token");
    }
}

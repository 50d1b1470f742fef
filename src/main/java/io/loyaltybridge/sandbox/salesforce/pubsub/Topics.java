package io.loyaltybridge.sandbox.salesforce.pubsub;

import java.util.function.Predicate;

/** The change event channels: one per tracked object plus {@code /data/ChangeEvents} carrying them all. */
final class Topics {
    static final String ALL = "/data/ChangeEvents";
    private static final String PREFIX = "/data/";
    private static final String SUFFIX = "ChangeEvent";

    private Topics() {
    }

    /** Which entities' events a topic carries, or null for a topic that does not exist. */
    static Predicate<String> filter(String topic, CdcSchemas schemas) {
        if (ALL.equals(topic)) {
            return entity -> true;
        }
        String entity = entityOf(topic);
        return entity != null && schemas.forEntity(entity) != null ? entity::equals : null;
    }

    static String entityOf(String topic) {
        if (topic == null || !topic.startsWith(PREFIX) || !topic.endsWith(SUFFIX)) {
            return null;
        }
        return topic.substring(PREFIX.length(), topic.length() - SUFFIX.length());
    }
}

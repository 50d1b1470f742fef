package io.loyaltybridge.salesforce;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells the change events our own writes caused, so they do not come back in: the event's changeOrigin names our
 * OAuth client ({@code com/salesforce/api/rest/62.0;client=<client id>}), or an update touched nothing but the
 * loyalty fields (and the stamps Salesforce moves on every save). A later poll still reads such records, and
 * only a real difference from what we pushed would be pushed again.
 */
final class EchoFilter {
    private static final Set<String> STAMPS = Set.of("lastmodifieddate", "lastmodifiedbyid", "systemmodstamp");

    private final String clientMarker;
    private final Set<String> loyaltyFields;

    EchoFilter(String clientId, Set<String> loyaltyFields) {
        this.clientMarker = clientId == null ? null : "client=" + clientId;
        this.loyaltyFields = loyaltyFields.stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    boolean isEcho(ChangeEvent event) {
        if (clientMarker != null && ours(event.changeOrigin())) {
            return true;
        }
        return event.isUpdate() && !event.changedFields().isEmpty() && event.changedFields().stream()
                .map(f -> f.toLowerCase(Locale.ROOT)).allMatch(f -> STAMPS.contains(f) || loyaltyFields.contains(f));
    }

    private boolean ours(String origin) {
        for (String part : origin.split(";")) {
            if (part.strip().equals(clientMarker)) {
                return true;
            }
        }
        return false;
    }
}

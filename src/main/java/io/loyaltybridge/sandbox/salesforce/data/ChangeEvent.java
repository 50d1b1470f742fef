package io.loyaltybridge.sandbox.salesforce.data;

import java.util.List;
import java.util.Map;

/**
 * A Change Data Capture event before Avro encoding. Field names are flat API names (FirstName, not Name.FirstName);
 * values are in stored form except lookups, which are id strings. {@code changedFields}/{@code nulledFields} are
 * names here and become bitmaps on the wire.
 */
public record ChangeEvent(String entityName, List<String> recordIds, String changeType, String changeOrigin,
                          String transactionKey, int sequenceNumber, long commitTimestamp, long commitNumber,
                          String commitUser, List<String> changedFields, List<String> nulledFields,
                          Map<String, Object> values) {

    /** Same change, other records: Salesforce merges these into one event with several recordIds. */
    boolean sameChangeAs(ChangeEvent other) {
        return entityName.equals(other.entityName) && changeType.equals(other.changeType)
                && changedFields.equals(other.changedFields) && nulledFields.equals(other.nulledFields)
                && values.equals(other.values);
    }
}

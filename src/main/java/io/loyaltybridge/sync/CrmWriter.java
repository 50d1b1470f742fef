package io.loyaltybridge.sync;

import java.util.List;

/** A CRM's batch update of contact fields: one API call per invocation, at most {@link #maxBatch()} records. */
public interface CrmWriter {
    String system();

    int maxBatch();

    /**
     * Writes the records in one call and answers per record. Throws when the call as a whole failed; the
     * connector's classifier then decides whether to retry.
     */
    List<PushResult> write(List<PushRecord> records) throws Exception;

    /** Classifies an exception thrown by {@link #write}. */
    ErrorClass classify(Exception failure);
}

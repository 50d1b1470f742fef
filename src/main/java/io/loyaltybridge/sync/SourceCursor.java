package io.loyaltybridge.sync;

import java.time.Instant;

/** Where a stream stands after a batch: stored in the batch's own transaction. */
public record SourceCursor(String system, String object, Instant watermark) {
}

package io.loyaltybridge.sync;

import java.util.List;

/**
 * Where the connectors hand the survey answers they read: one batch is stored in one transaction, with the stream's
 * cursor, at a fixed number of statements whatever its size. An answer whose contact is not a member yet is kept
 * waiting (like an order whose buyer is unknown), never dropped.
 */
public interface FeedbackSink {
    IngestReport apply(List<InboundFeedback> batch, SourceCursor cursor);
}

package io.loyaltybridge.sandbox.salesforce.pubsub;

import com.salesforce.eventbus.protobuf.ConsumerEvent;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.ProducerEvent;
import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One Subscribe stream. Pull-based like the real service: events flow only while the client has outstanding
 * {@code num_requested}; a quiet stream gets an empty keep-alive response carrying the latest replay id.
 */
final class Subscription {
    private static final int MAX_PER_RESPONSE = 100;
    private final ServerCallStreamObserver<FetchResponse> out;
    private final Predicate<String> entities;
    private final ReplayIds replayIds;
    private final String rpcId = UUID.randomUUID().toString();
    private long position;
    private int requested;
    private long lastSentNanos = System.nanoTime();
    private boolean closed;

    Subscription(ServerCallStreamObserver<FetchResponse> out, Predicate<String> entities, ReplayIds replayIds,
                 long position) {
        this.out = out;
        this.entities = entities;
        this.replayIds = replayIds;
        this.position = position;
    }

    synchronized void request(int n) {
        requested += n;
    }

    /** Sends what the client asked for and the log has; false once the stream is over. */
    synchronized boolean deliver(EventLog log, long keepAliveNanos) {
        if (closed || out.isCancelled()) {
            return false;
        }
        while (requested > 0) {
            List<EventLog.Stored> batch = log.after(position, entities, Math.min(requested, MAX_PER_RESPONSE));
            if (batch.isEmpty()) {
                break;
            }
            FetchResponse.Builder r = FetchResponse.newBuilder().setRpcId(rpcId);
            for (EventLog.Stored s : batch) {
                r.addEvents(ConsumerEvent.newBuilder().setReplayId(replayIds.encode(s.position()))
                        .setEvent(ProducerEvent.newBuilder().setId(s.eventId()).setSchemaId(s.schemaId())
                                .setPayload(ByteString.copyFrom(s.payload()))));
                position = s.position();
            }
            requested -= batch.size();
            send(r.setLatestReplayId(replayIds.encode(position)).setPendingNumRequested(requested).build());
        }
        if (!closed && System.nanoTime() - lastSentNanos >= keepAliveNanos) {
            send(FetchResponse.newBuilder().setRpcId(rpcId).setLatestReplayId(replayIds.encode(position))
                    .setPendingNumRequested(requested).build());
        }
        return !closed;
    }

    private void send(FetchResponse response) {
        try {
            out.onNext(response);
            lastSentNanos = System.nanoTime();
        } catch (StatusRuntimeException | IllegalStateException e) {
            closed = true; // the client went away between our check and the send
        }
    }

    synchronized void fail(StatusRuntimeException error) {
        if (!closed) {
            closed = true;
            out.onError(error);
        }
    }

    synchronized void complete() {
        if (!closed) {
            closed = true;
            out.onCompleted();
        }
    }
}

package io.loyaltybridge.sandbox.salesforce.pubsub;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.util.UUID;

/**
 * Pub/Sub API errors: a gRPC status whose description ends with the rpc id, and trailers {@code error-code}
 * (the codes camel-salesforce switches on) and {@code rpc-id}.
 */
final class GrpcErrors {
    static final String AUTH = "sfdc.platform.eventbus.grpc.service.auth.error";
    static final String REPLAY_CORRUPTED = "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted";
    static final String TOPIC_NOT_FOUND = "sfdc.platform.eventbus.grpc.service.topic.not.found";
    static final String SCHEMA_NOT_FOUND = "sfdc.platform.eventbus.grpc.service.schema.not.found";

    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> RPC_ID = Metadata.Key.of("rpc-id", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcErrors() {
    }

    static StatusRuntimeException of(Status status, String errorCode, String message) {
        String rpcId = UUID.randomUUID().toString();
        Metadata trailers = new Metadata();
        trailers.put(ERROR_CODE, errorCode);
        trailers.put(RPC_ID, rpcId);
        return status.withDescription(message + " rpcId: " + rpcId).asRuntimeException(trailers);
    }

    static StatusRuntimeException corruptReplayId() {
        return of(Status.INVALID_ARGUMENT, REPLAY_CORRUPTED,
                "The Replay ID validation failed. Ensure that the Replay ID is valid.");
    }
}

package io.loyaltybridge.sandbox.salesforce.pubsub;

import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.PubSubGrpc;
import com.salesforce.eventbus.protobuf.ReplayPreset;
import com.salesforce.eventbus.protobuf.SchemaInfo;
import com.salesforce.eventbus.protobuf.SchemaRequest;
import com.salesforce.eventbus.protobuf.TopicInfo;
import com.salesforce.eventbus.protobuf.TopicRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import java.util.UUID;
import java.util.function.Predicate;

/** GetTopic, GetSchema and Subscribe of the Pub/Sub API, over the sandbox's change event log. */
final class PubSubService extends PubSubGrpc.PubSubImplBase {
    private final CdcSchemas schemas;
    private final EventLog log;
    private final ReplayIds replayIds;
    private final Dispatcher dispatcher;
    private final String orgId;

    PubSubService(CdcSchemas schemas, EventLog log, ReplayIds replayIds, Dispatcher dispatcher, String orgId) {
        this.schemas = schemas;
        this.log = log;
        this.replayIds = replayIds;
        this.dispatcher = dispatcher;
        this.orgId = orgId;
    }

    @Override
    public void getTopic(TopicRequest request, StreamObserver<TopicInfo> response) {
        String entity = Topics.entityOf(request.getTopicName());
        if (Topics.filter(request.getTopicName(), schemas) == null) {
            response.onError(GrpcErrors.of(Status.NOT_FOUND, GrpcErrors.TOPIC_NOT_FOUND,
                    "Topic not found: " + request.getTopicName()));
            return;
        }
        // the multi-entity channel has no single schema: each event names its own
        String schemaId = entity == null || schemas.forEntity(entity) == null ? "" : schemas.forEntity(entity).id();
        response.onNext(TopicInfo.newBuilder().setTopicName(request.getTopicName()).setTenantGuid(orgId)
                .setCanPublish(false).setCanSubscribe(true).setSchemaId(schemaId)
                .setRpcId(UUID.randomUUID().toString()).build());
        response.onCompleted();
    }

    @Override
    public void getSchema(SchemaRequest request, StreamObserver<SchemaInfo> response) {
        CdcSchemas.EntitySchema s = schemas.forId(request.getSchemaId());
        if (s == null) {
            response.onError(GrpcErrors.of(Status.NOT_FOUND, GrpcErrors.SCHEMA_NOT_FOUND,
                    "Schema not found: " + request.getSchemaId()));
            return;
        }
        response.onNext(SchemaInfo.newBuilder().setSchemaId(s.id()).setSchemaJson(s.json())
                .setRpcId(UUID.randomUUID().toString()).build());
        response.onCompleted();
    }

    @Override
    public StreamObserver<FetchRequest> subscribe(StreamObserver<FetchResponse> responses) {
        ServerCallStreamObserver<FetchResponse> out = (ServerCallStreamObserver<FetchResponse>) responses;
        return new StreamObserver<>() {
            private Subscription subscription;

            @Override
            public void onNext(FetchRequest request) {
                if (subscription == null) {
                    subscription = open(request, out);
                    if (subscription == null) {
                        return;
                    }
                }
                subscription.request(request.getNumRequested());
                dispatcher.wake();
            }

            @Override
            public void onError(Throwable t) {
                dispatcher.remove(subscription);
            }

            @Override
            public void onCompleted() {
                dispatcher.remove(subscription);
                if (subscription != null) {
                    subscription.complete();
                }
            }
        };
    }

    /** Replay options count only on the first request of a stream, as in the real service. */
    private Subscription open(FetchRequest first, ServerCallStreamObserver<FetchResponse> out) {
        Predicate<String> filter = Topics.filter(first.getTopicName(), schemas);
        if (filter == null) {
            out.onError(GrpcErrors.of(Status.NOT_FOUND, GrpcErrors.TOPIC_NOT_FOUND,
                    "Topic not found: " + first.getTopicName()));
            return null;
        }
        long position;
        if (first.getReplayPreset() == ReplayPreset.CUSTOM) {
            position = replayIds.decode(first.getReplayId());
            if (position < 0 || !log.resumable(position)) {
                out.onError(GrpcErrors.corruptReplayId());
                return null;
            }
        } else if (first.getReplayPreset() == ReplayPreset.EARLIEST) {
            position = log.beforeEarliest();
        } else {
            position = log.last();
        }
        Subscription s = new Subscription(out, filter, replayIds, position);
        dispatcher.add(s);
        return s;
    }
}

package io.loyaltybridge.sandbox.salesforce.pubsub;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.loyaltybridge.sandbox.salesforce.http.Peer;
import io.loyaltybridge.sandbox.salesforce.http.Sessions;

/**
 * Checks the Pub/Sub auth metadata on every call: a live {@code accesstoken}, our {@code instanceurl} and our org
 * id as {@code tenantid}. Failing calls end with UNAUTHENTICATED and the auth error code, on which camel logs in
 * again and resubscribes.
 */
final class AuthInterceptor implements ServerInterceptor {
    static final Context.Key<Sessions.Session> SESSION = Context.key("sandbox-session");
    private static final Metadata.Key<String> TOKEN = key("accesstoken");
    private static final Metadata.Key<String> INSTANCE = key("instanceurl");
    private static final Metadata.Key<String> TENANT = key("tenantid");

    private final Peer peer;

    AuthInterceptor(Peer peer) {
        this.peer = peer;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        Sessions.Session session = peer.sessions.valid(headers.get(TOKEN));
        String problem = session == null ? "Invalid or expired access token"
                : !peer.instanceUrl().equals(headers.get(INSTANCE)) ? "Instance URL does not match the token"
                : !peer.orgId.equals(headers.get(TENANT)) ? "Tenant id does not match the token" : null;
        if (problem != null) {
            StatusRuntimeException e = GrpcErrors.of(Status.UNAUTHENTICATED, GrpcErrors.AUTH, problem);
            call.close(e.getStatus(), e.getTrailers());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(SESSION, session), call, headers, next);
    }

    private static Metadata.Key<String> key(String name) {
        return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
    }
}

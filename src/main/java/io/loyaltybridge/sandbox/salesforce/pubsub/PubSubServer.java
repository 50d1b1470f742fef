package io.loyaltybridge.sandbox.salesforce.pubsub;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.loyaltybridge.sandbox.salesforce.http.Peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The plaintext gRPC server of the Pub/Sub API on loopback. The {@link Server} is kept in a field on purpose: an
 * unreferenced server can be collected and its port silently stops answering.
 */
public final class PubSubServer implements AutoCloseable {
    private final Server server;
    private final Dispatcher dispatcher;

    public PubSubServer(Peer peer, CdcSchemas schemas, EventLog log, int port) throws IOException {
        this.dispatcher = new Dispatcher(log, peer.options.keepAlive());
        log.onAppend(dispatcher::wake);
        peer.faults.onDropStreams(dispatcher::dropAll);
        PubSubService service = new PubSubService(schemas, log, new ReplayIds(peer.orgId), dispatcher, peer.orgId);
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                .addService(ServerInterceptors.intercept(service, new AuthInterceptor(peer)))
                .build().start();
    }

    public int port() {
        return server.getPort();
    }

    /** Streams currently open, for tests that wait for a subscriber. */
    public int openStreams() {
        return dispatcher.open();
    }

    @Override
    public void close() throws InterruptedException {
        dispatcher.close();
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }
}

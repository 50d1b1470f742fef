package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback endpoint that records webhook deliveries and refuses the first N of them. */
final class WebhookReceiver implements AutoCloseable {
    /** One POST as received: the raw body and the signature headers. */
    record Delivery(String body, String signature, String timestamp) {
        JsonNode events() {
            try {
                return HubSpotHttp.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Delivery> accepted = new ArrayList<>();
    private final AtomicInteger refuseLeft = new AtomicInteger();
    private final AtomicInteger posts = new AtomicInteger();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hubspot/webhooks", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posts.incrementAndGet();
            int status = refuseLeft.getAndDecrement() > 0 ? 500 : 204;
            if (status == 204) {
                synchronized (accepted) {
                    accepted.add(new Delivery(body, ex.getRequestHeaders().getFirst(V3Signature.HEADER),
                            ex.getRequestHeaders().getFirst(V3Signature.TIMESTAMP_HEADER)));
                }
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hubspot/webhooks");
    }

    void refuseNext(int n) {
        refuseLeft.set(n);
    }

    int posts() {
        return posts.get();
    }

    List<Delivery> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** Every accepted event, in arrival order. */
    List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        accepted().forEach(d -> d.events().forEach(out::add));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

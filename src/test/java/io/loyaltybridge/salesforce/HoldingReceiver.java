package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A webhook receiver on loopback that dedupes by event id, as the README asks receivers to. Armed with
 * {@link #holdNext()}, it takes the next request (records it: for the receiver it has arrived) and then holds the
 * answer back until {@link #release()}, so a test can kill the sender while that delivery is in flight.
 */
final class HoldingReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request: the X-Loyalty-Event-Id header and the body's eventId. */
    record Received(String headerId, String bodyId) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    HoldingReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String id = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("eventId").asText();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Loyalty-Event-Id"), id));
            if (armed.compareAndSet(true, false)) {
                held.countDown();
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException e) {
                // the sender died while we held its request: what the test wants
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/loyalty";
    }

    void holdNext() {
        armed.set(true);
    }

    boolean holding() {
        return held.getCount() == 0 && released.getCount() == 1;
    }

    void release() {
        released.countDown();
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}

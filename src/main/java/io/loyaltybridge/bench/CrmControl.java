package io.loyaltybridge.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The benchmark's view of a CRM ({@link BenchCrm}) served on loopback by the process that holds the sandbox, one
 * path per question, plain text in and out; {@link RemoteCrm} asks them. This is the bench's side door (what a
 * person would see in the CRM's UI, and its call counters), not the CRM API the app uses.
 */
final class CrmControl implements AutoCloseable {
    private final BenchCrm crm;
    private final HttpServer server;

    CrmControl(BenchCrm crm) {
        this.crm = crm;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox's control port did not open", e);
        }
        server.createContext("/", this::handle);
        // A few threads: the steady state places orders while the backfill wait asks for counts.
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sandbox-control");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String contact = contact(exchange.getRequestURI().getRawQuery());
        String body;
        int status = 200;
        try {
            body = switch (exchange.getRequestURI().getPath()) {
                case "/name" -> crm.name();
                case "/contacts" -> String.join("\n", crm.contacts());
                case "/orders" -> Long.toString(crm.orders());
                case "/reads" -> Long.toString(crm.reads());
                case "/writes" -> Long.toString(crm.writes());
                case "/reset" -> {
                    crm.resetCalls();
                    yield "";
                }
                case "/snapshot" -> Arrays.stream(crm.snapshot()).mapToObj(Integer::toString)
                        .collect(Collectors.joining("\n"));
                case "/without-points" -> Long.toString(crm.contactsWithoutPoints());
                case "/points" -> Objects.toString(crm.pointsShown(contact), "");
                case "/member" -> Objects.toString(crm.memberIdShown(contact), "");
                case "/order" -> {
                    crm.placeOrder(contact);
                    yield "";
                }
                default -> {
                    status = 404;
                    yield "no such question";
                }
            };
        } catch (RuntimeException e) {
            status = 500;
            body = String.valueOf(e);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String contact(String query) {
        if (query == null || !query.startsWith("contact=")) {
            return null;
        }
        return URLDecoder.decode(query.substring("contact=".length()), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

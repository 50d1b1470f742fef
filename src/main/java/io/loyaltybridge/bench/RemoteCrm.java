package io.loyaltybridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@link BenchCrm} held by another process, asked over loopback through its {@link CrmControl}. The contact ids
 * are fetched once (the benchmark never adds contacts); every other answer is asked fresh.
 */
final class RemoteCrm implements BenchCrm {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String name;
    private final List<String> contacts;

    /** Only Salesforce runs in its own process so far: its system name, objects and batch size below. */
    RemoteCrm(int controlPort) {
        this.base = "http://127.0.0.1:" + controlPort;
        this.name = ask("/name", null);
        String all = ask("/contacts", null);
        this.contacts = all.isEmpty() ? List.of() : List.of(all.split("\n"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String system() {
        return "salesforce";
    }

    @Override
    public List<String> backfillObjects() {
        return List.of("Contact", "Order");
    }

    @Override
    public List<String> contacts() {
        return contacts;
    }

    @Override
    public String memberIdShown(String contact) {
        String id = ask("/member", contact);
        return id.isEmpty() ? null : id;
    }

    @Override
    public Long pointsShown(String contact) {
        String points = ask("/points", contact);
        return points.isEmpty() ? null : Long.valueOf(points);
    }

    @Override
    public long contactsWithoutPoints() {
        return Long.parseLong(ask("/without-points", null));
    }

    @Override
    public int[] snapshot() {
        String prints = ask("/snapshot", null);
        return prints.isEmpty() ? new int[0] : prints.lines().mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public void placeOrder(String contact) {
        ask("/order", contact);
    }

    @Override
    public long orders() {
        return Long.parseLong(ask("/orders", null));
    }

    @Override
    public long reads() {
        return Long.parseLong(ask("/reads", null));
    }

    @Override
    public long writes() {
        return Long.parseLong(ask("/writes", null));
    }

    @Override
    public int perWrite() {
        return 200;
    }

    @Override
    public void resetCalls() {
        ask("/reset", null);
    }

    private String ask(String path, String contact) {
        String query = contact == null ? "" : "?contact=" + URLEncoder.encode(contact, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + query)).GET().build();
        try {
            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("the sandbox process answered " + path + " with "
                        + reply.statusCode() + ": " + reply.body());
            }
            return reply.body();
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox process did not answer " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted asking the sandbox process " + path, e);
        }
    }
}

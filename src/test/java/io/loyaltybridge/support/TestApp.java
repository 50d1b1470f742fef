package io.loyaltybridge.support;

import io.loyaltybridge.app.Application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts the real application, as {@code main} does, from the project's own config/ and routes/. */
public final class TestApp {
    public static final String TOKEN = "test-token-0123456789abcdef";

    private TestApp() {
    }

    /** The app on the given database, on a free port, with the test token. */
    public static Application start(String databaseUrl) {
        return start(Map.of("loyalty.db.url", databaseUrl));
    }

    public static Application start(Map<String, String> overrides) {
        return start(overrides, Map.of());
    }

    /** With secrets in the environment (CRM credentials), as an integrator would set them. */
    public static Application start(Map<String, String> overrides, Map<String, String> secrets) {
        Map<String, String> env = new HashMap<>(secrets);
        env.put("LOYALTY_API_TOKEN", TOKEN);
        Map<String, String> all = new HashMap<>(overrides);
        all.putIfAbsent("camel.server.port", Integer.toString(freePort()));
        all.putIfAbsent("loyalty.program.file", StoreFixture.FLAT_PROGRAM.toAbsolutePath().toString());
        unthrottled(all);
        return Application.start(Path.of("").toAbsolutePath(), all, env);
    }

    /** The same on a clock of the test's choosing (tests move time forward without waiting for it). */
    public static Application start(Map<String, String> overrides, Map<String, String> secrets, java.time.Clock clock) {
        Map<String, String> env = new HashMap<>(secrets);
        env.put("LOYALTY_API_TOKEN", TOKEN);
        Map<String, String> all = new HashMap<>(overrides);
        all.putIfAbsent("camel.server.port", Integer.toString(freePort()));
        all.putIfAbsent("loyalty.program.file", StoreFixture.FLAT_PROGRAM.toAbsolutePath().toString());
        unthrottled(all);
        return Application.start(Path.of("").toAbsolutePath(), all, env, clock);
    }

    /**
     * Tests that walk every route with many inputs make calls faster than a shop would, all with one token: unless a
     * test sets the per-token rate limit itself (RateLimitApiTest does), it is raised out of their way.
     */
    private static void unthrottled(Map<String, String> settings) {
        settings.putIfAbsent("loyalty.api.rate-limit.per-second", "1000000");
        settings.putIfAbsent("loyalty.api.rate-limit.burst", "1000000");
    }

    /**
     * A free port below the kernel's ephemeral range (32768 and up): a port taken from that range is handed out again
     * to the next socket bound to port 0 (a sandbox's gRPC server, say) before the app, started later, binds it.
     */
    public static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between 20000 and 32000"));
    }
}

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
        return Application.start(Path.of("").toAbsolutePath(), all, env);
    }

    /** The same on a clock of the test's choosing (tests move time forward without waiting for it). */
    public static Application start(Map<String, String> overrides, Map<String, String> secrets, java.time.Clock clock) {
        Map<String, String> env = new HashMap<>(secrets);
        env.put("LOYALTY_API_TOKEN", TOKEN);
        Map<String, String> all = new HashMap<>(overrides);
        all.putIfAbsent("camel.server.port", Integer.toString(freePort()));
        all.putIfAbsent("loyalty.program.file", StoreFixture.FLAT_PROGRAM.toAbsolutePath().toString());
        return Application.start(Path.of("").toAbsolutePath(), all, env, clock);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

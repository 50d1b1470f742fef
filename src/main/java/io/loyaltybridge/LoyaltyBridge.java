package io.loyaltybridge;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.app.StartupException;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Starts LoyaltyBridge from the working directory, which must hold {@code config/} and {@code routes/}. */
public final class LoyaltyBridge {
    private LoyaltyBridge() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            System.err.println("LoyaltyBridge: unknown argument '" + args[0] + "'. Usage: java -jar loyaltybridge.jar");
            System.exit(2);
        }
        Application app;
        try {
            app = Application.start(Path.of("").toAbsolutePath(), systemOverrides(), System.getenv());
        } catch (StartupException e) {
            System.err.println("LoyaltyBridge cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "loyaltybridge-shutdown"));
        stopped.await();
    }

    /** {@code -Dloyalty.x=y} and {@code -Dcamel.x=y} override the file, for one-off runs. */
    private static Map<String, String> systemOverrides() {
        Map<String, String> overrides = new java.util.HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("loyalty.") || key.startsWith("camel."))
                .forEach(key -> overrides.put(key, System.getProperty(key)));
        return overrides;
    }
}

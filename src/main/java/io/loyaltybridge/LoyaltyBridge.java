package io.loyaltybridge;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.app.SandboxMode;
import io.loyaltybridge.app.StartupException;
import io.loyaltybridge.app.Workspace;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Starts LoyaltyBridge from the working directory, which must hold {@code config/} and {@code routes/}:
 * against the CRMs configured there, or with {@code --sandbox} against built-in Salesforce and HubSpot sandboxes.
 */
public final class LoyaltyBridge {
    static final String USAGE = "Usage: java -jar loyaltybridge.jar [--sandbox]  or  java -jar loyaltybridge.jar "
            + io.loyaltybridge.bench.BenchOptions.USAGE + "  or  java -jar loyaltybridge.jar "
            + io.loyaltybridge.app.whatif.WhatIfCommand.USAGE;

    private LoyaltyBridge() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("bench")) {
            bench(java.util.Arrays.asList(args).subList(1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("what-if")) {
            System.exit(io.loyaltybridge.app.whatif.WhatIfCommand.run(java.util.Arrays.asList(args).subList(1,
                    args.length), Path.of("").toAbsolutePath(), systemOverrides(), System.getenv(), System.out,
                    System.err));
        }
        boolean sandbox = args.length == 1 && args[0].equals("--sandbox");
        if (args.length > 0 && !sandbox) {
            fail("unknown argument '" + args[0] + "'. " + USAGE);
        }
        Path workDir = Path.of("").toAbsolutePath();
        AutoCloseable running;
        try {
            running = sandbox ? SandboxMode.start(workDir, systemOverrides(), System.getenv())
                    : startAgainstCrms(workDir);
        } catch (StartupException e) {
            fail(e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // The only shutdown hook that stops anything (the embedded database's library hook is disarmed): Ctrl+C or
        // SIGTERM stop Camel's routes, then the pool, then the database, in that order.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long started = System.nanoTime();
            try {
                running.close();
                org.slf4j.LoggerFactory.getLogger(LoyaltyBridge.class).info("LoyaltyBridge stopped in {} ms",
                        (System.nanoTime() - started) / 1_000_000);
            } catch (Exception e) {
                io.loyaltybridge.app.log.Console.err("LoyaltyBridge did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "loyaltybridge-shutdown"));
        stopped.await();
    }

    /** The benchmark (see the README's Benchmark section): runs, prints its table, and exits. */
    private static void bench(java.util.List<String> args) {
        io.loyaltybridge.bench.BenchOptions options;
        try {
            options = io.loyaltybridge.bench.BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        io.loyaltybridge.bench.Bench.run(options, Path.of("").toAbsolutePath(), systemOverrides(), System.getenv(),
                System.out);
        System.exit(0);
    }

    /** Without --sandbox a CRM must be configured: a loyalty core with nothing to sync is not what anyone wants. */
    private static Application startAgainstCrms(Path workDir) {
        Properties properties = new Workspace(workDir).properties(systemOverrides());
        boolean any = Boolean.parseBoolean(properties.getProperty("loyalty.salesforce.enabled", "false").strip())
                || Boolean.parseBoolean(properties.getProperty("loyalty.hubspot.enabled", "false").strip());
        if (!any) {
            throw new StartupException("no CRM is configured. Either set loyalty.salesforce.enabled = true (with "
                    + "SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET in the environment) and/or "
                    + "loyalty.hubspot.enabled = true (with HUBSPOT_ACCESS_TOKEN and HUBSPOT_APP_SECRET) in "
                    + "config/application.properties, or run with --sandbox to try LoyaltyBridge against built-in "
                    + "Salesforce and HubSpot sandboxes.");
        }
        return Application.start(workDir, systemOverrides(), System.getenv());
    }

    /** {@code -Dloyalty.x=y} and {@code -Dcamel.x=y} override the file, for one-off runs. */
    private static Map<String, String> systemOverrides() {
        Map<String, String> overrides = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("loyalty.") || key.startsWith("camel."))
                .forEach(key -> overrides.put(key, System.getProperty(key)));
        return overrides;
    }

    private static void fail(String message) {
        io.loyaltybridge.app.log.Console.err("LoyaltyBridge cannot start: " + message);
        System.exit(2);
    }
}

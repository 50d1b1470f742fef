package io.loyaltybridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link SandboxPeer} as a child JVM with its own {@code -Xmx} (same java, same class path), waits for its
 * ready line, and hands back a {@link SalesforcePeer} the app and the benchmark reach over loopback. The child's
 * output goes to {@code salesforce-sandbox.log} in the benchmark's temporary folder.
 */
final class SandboxProcess {
    private SandboxProcess() {
    }

    static SalesforcePeer start(String xmx, int contacts, int orders, long seed, Path temp) {
        Path log = temp.resolve("salesforce-sandbox-" + System.nanoTime() + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"), SandboxPeer.class.getName(),
                "--contacts", Integer.toString(contacts), "--orders", Integer.toString(orders),
                "--seed", Long.toString(seed));
        Process child;
        try {
            child = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox process did not start", e);
        }
        try {
            Map<String, String> ready = awaitReady(child, log);
            RemoteCrm crm = new RemoteCrm(Integer.parseInt(ready.get("control")));
            return new SalesforcePeer(crm, BenchApp.salesforce(ready.get("login"), ready.get("api"), "127.0.0.1",
                    Integer.parseInt(ready.get("pubsub"))), ready.get("client-id"), ready.get("client-secret"),
                    () -> stop(child));
        } catch (RuntimeException e) {
            stop(child);
            throw e;
        }
    }

    /** The child's output copied to the log until its ready line, whose key=value pairs are returned. */
    private static Map<String, String> awaitReady(Process child, Path log) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        try {
            PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                copy.println(line);
                if (line.startsWith(SandboxPeer.READY)) {
                    Thread drain = new Thread(() -> copyRest(lines, copy), "sandbox-process-log");
                    drain.setDaemon(true);
                    drain.start();
                    return fields(line.substring(SandboxPeer.READY.length()));
                }
            }
            copy.close();
            throw new IllegalStateException("the sandbox process ended before it was ready; its output: "
                    + String.join(" | ", tail(log)));
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox process's output could not be read", e);
        }
    }

    private static void copyRest(BufferedReader lines, PrintWriter copy) {
        try (copy) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                copy.println(line);
            }
        } catch (IOException e) {
            // the child is gone: nothing more to copy
        }
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : text.strip().split(" ")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return fields;
    }

    private static List<String> tail(Path log) throws IOException {
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return all.subList(Math.max(0, all.size() - 20), all.size());
    }

    /** Closing the child's standard input asks it to stop (see {@link SandboxPeer}); a stuck one is killed. */
    private static void stop(Process child) {
        try {
            child.getOutputStream().close();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            child.destroyForcibly();
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

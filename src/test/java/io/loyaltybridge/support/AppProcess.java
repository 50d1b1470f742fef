package io.loyaltybridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code main} in a child JVM, so that a test can do to it what happens to a server: kill -9 it
 * ({@link #kill()}: SIGKILL, no shutdown hook, no finally block) or stop it as Ctrl+C does ({@link #stop()}). The
 * sandboxes and PostgreSQL stay in the test's JVM; the child reaches them by the URLs in its settings. Its console
 * goes to a file under target/app-processes, named in every failure.
 */
public final class AppProcess implements AutoCloseable {
    private static final String READY = "LoyaltyBridge status page: ";

    private final Process process;
    private final Path console;
    private final int port;

    private AppProcess(Process process, Path console, int port) {
        this.process = process;
        this.console = console;
        this.port = port;
    }

    /**
     * Starts {@code io.loyaltybridge.LoyaltyBridge} from the project folder with {@code -Dkey=value} for each
     * setting (a free port and the flat test program unless given) and the secrets in its environment, and waits
     * until it says it is up.
     */
    public static AppProcess start(String name, Map<String, String> settings, Map<String, String> secrets) {
        return start(name, Path.of("").toAbsolutePath(), settings, secrets, List.of());
    }

    /** The same from the working directory {@code dir} (see {@link Workspaces}), with program arguments. */
    public static AppProcess start(String name, Path dir, Map<String, String> settings, Map<String, String> secrets,
                                   List<String> args) {
        AppProcess app = launch(name, dir, settings, secrets, args);
        app.awaitReady(Duration.ofSeconds(60));
        return app;
    }

    /** The same without waiting: the test watches the start itself (its port, its console). */
    public static AppProcess launch(String name, Map<String, String> settings, Map<String, String> secrets) {
        return launch(name, Path.of("").toAbsolutePath(), settings, secrets, List.of());
    }

    private static AppProcess launch(String name, Path dir, Map<String, String> settings, Map<String, String> secrets,
                                     List<String> args) {
        int port = Integer.parseInt(settings.getOrDefault("camel.server.port", Integer.toString(TestApp.freePort())));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dcamel.server.port=" + port);
        if (!settings.containsKey("loyalty.program.file")) {
            command.add("-Dloyalty.program.file=" + StoreFixture.FLAT_PROGRAM.toAbsolutePath());
        }
        command.add("io.loyaltybridge.LoyaltyBridge");
        command.addAll(args);
        try {
            Path logs = Files.createDirectories(Path.of("target", "app-processes"));
            Path console = logs.resolve(name + "-" + System.nanoTime() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(console.toFile());
            builder.environment().put("LOYALTY_API_TOKEN", TestApp.TOKEN);
            builder.environment().putAll(secrets);
            return new AppProcess(builder.start(), console, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!console().contains(READY)) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with " + process.exitValue() + " before it was up; see "
                        + console.toAbsolutePath());
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new AssertionError("the app was not up within " + within + "; see " + console.toAbsolutePath());
            }
            sleep(100);
        }
    }

    /** SIGKILL on Linux: the process ends mid-statement, exactly like a power cut of the app (not of the DB). */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: the shutdown hook stops Camel and the pool, as Ctrl+C does. */
    public void stop() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit status once it has ended (143 after SIGTERM: the JVM's 128 + 15). */
    public int exitValue() {
        return process.exitValue();
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Everything the app printed so far. */
    public String console() {
        try {
            return Files.exists(console) ? new String(Files.readAllBytes(console), java.nio.charset.StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path consoleFile() {
        return console;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}

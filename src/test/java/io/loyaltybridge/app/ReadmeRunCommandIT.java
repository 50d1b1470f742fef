package io.loyaltybridge.app;

import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, exactly: {@code java -jar target/loyaltybridge.jar --sandbox}, in a fresh checkout's
 * working directory (config/ and routes/ copied, the built jar at target/). Health must turn ready, the console must
 * say it runs against sandboxes and print the status page with its token, and Ctrl+C (SIGTERM) must stop it.
 */
class ReadmeRunCommandIT {
    @TempDir
    Path checkout;

    @Test
    void the_readme_run_command_starts_sandbox_mode_and_health_turns_ready() throws Exception {
        Workspaces.copy(checkout);
        Files.createDirectories(checkout.resolve("target"));
        Files.createSymbolicLink(checkout.resolve("target/loyaltybridge.jar"),
                Path.of("target/loyaltybridge.jar").toAbsolutePath());
        Path console = checkout.resolve("console.log");
        Process app = new ProcessBuilder(List.of("java", "-jar", "target/loyaltybridge.jar", "--sandbox"))
                .directory(checkout.toFile()).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            Http health = new Http("http://localhost:8080", null);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
            String ready = "";
            while (Instant.now().isBefore(deadline) && app.isAlive() && !ready.contains("\"status\":\"UP\"")) {
                Thread.sleep(500);
                try {
                    ready = health.get("/observe/health/ready").text();
                } catch (RuntimeException notYet) {
                    ready = "";
                }
            }
            // Health answers as soon as Camel runs; the status page line is printed a moment after start returns.
            String log = Files.readString(console);
            for (int i = 0; i < 40 && app.isAlive() && !log.contains("status page:"); i++) {
                Thread.sleep(250);
                log = Files.readString(console);
            }
            assertThat(ready).as(log).contains("\"status\":\"UP\"").contains("\"database\"");
            assertThat(log).contains("SANDBOX MODE").containsPattern("status page: http://localhost:8080/#token=\\S+");
        } finally {
            app.destroy();
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        assertThat(checkout.resolve("data/sandbox/postgres/PG_VERSION")).exists();
    }

}

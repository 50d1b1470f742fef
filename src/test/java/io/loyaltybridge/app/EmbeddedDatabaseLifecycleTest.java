package io.loyaltybridge.app;

import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.hubspot.SandboxOptions;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.support.AppProcess;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL as users run it: durable, stopped last and cleanly on Ctrl+C, and restarted at the first
 * attempt after the app was killed with its PostgreSQL left running. The app runs as a child JVM (the real main);
 * a HubSpot sandbox with no data stands in for the CRM main requires.
 */
class EmbeddedDatabaseLifecycleTest {
    private static final String ORDER = """
            {"source":"shop","externalId":"KILL-1","member":{"email":"kept@example.com"},"total":77,
             "currency":"EUR","placedAt":"2026-01-01T00:00:00Z","status":"completed"}""";

    @TempDir
    Path dataDir;
    private HubSpotSandbox hubspot;

    @BeforeEach
    void crm() {
        hubspot = HubSpotSandbox.start(SandboxOptions.defaults().token("pat-lifecycle").appSecret("lifecycle-secret"));
    }

    @AfterEach
    void cleanUp() {
        hubspot.close();
        // Whatever happened in the test, no PostgreSQL outlives it.
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void the_embedded_database_runs_with_fsync_full_page_writes_and_synchronous_commit_on() throws Exception {
        try (Database database = Database.embedded(dataDir, 0, 2)) {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                for (String setting : new String[] {"fsync", "full_page_writes", "synchronous_commit"}) {
                    try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
                        rows.next();
                        assertThat(rows.getString(1)).as(setting).isEqualTo("on");
                    }
                }
            }
            assertThat(database.durability()).isEqualTo("fsync=on, full_page_writes=on, synchronous_commit=on");
        }
        assertThat(postmaster()).as("stopped on close").isEmpty();
    }

    @Test
    void a_second_app_on_a_data_folder_a_live_app_uses_is_refused_and_the_first_keeps_running() throws Exception {
        try (Database first = Database.embedded(dataDir, 0, 2)) {
            assertThatThrownBy(() -> Database.embedded(dataDir, 0, 2))
                    .hasMessageContaining("another LoyaltyBridge (pid " + ProcessHandle.current().pid() + ")");
            try (Connection connection = first.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                assertThat(statement.execute("SELECT 1")).isTrue();
            }
        }
    }

    @Test
    void after_kill_9_the_first_restart_stops_the_postgres_left_behind_and_the_data_is_intact() throws IOException {
        long member;
        AppProcess first = start("killed");
        try {
            Http.Response created = new Http(first.baseUrl(), TestApp.TOKEN).post("/api/orders", ORDER);
            assertThat(created.status()).isEqualTo(201);
            member = created.json().at("/order/memberId").asLong();
        } finally {
            first.kill();
        }
        Optional<ProcessHandle> left = postmaster();
        assertThat(left).as("the killed app's PostgreSQL is still running (the case under test)").isPresent();

        AppProcess second = start("restarted");
        try {
            Http http = new Http(second.baseUrl(), TestApp.TOKEN);
            assertThat(http.get("/api/members/" + member).json().get("balance").asLong()).isEqualTo(77);
            assertThat(http.post("/api/orders", ORDER).status()).as("the same order again").isEqualTo(200);
            assertThat(left.get().isAlive()).as("the one left behind was stopped").isFalse();
            assertThat(second.console()).contains("was left running on");
        } finally {
            second.stop();
        }
        assertThat(postmaster()).isEmpty();
    }

    @Test
    void ctrl_c_stops_camel_then_the_pool_then_the_database_with_no_error_line() {
        AppProcess app = start("sigterm");
        Optional<ProcessHandle> postgres = postmaster();
        assertThat(postgres).isPresent();
        assertThat(app.console()).contains("fsync=on, full_page_writes=on, synchronous_commit=on");
        assertThat(new Http(app.baseUrl(), TestApp.TOKEN).post("/api/orders", ORDER).status()).isEqualTo(201);

        app.stop();

        assertThat(app.alive()).isFalse();
        assertThat(app.exitValue()).as("exit after SIGTERM").isEqualTo(143);
        String console = app.console();
        assertThat(console).as(app.consoleFile().toString()).contains("LoyaltyBridge stopped in");
        assertThat(console.lines().filter(line -> line.contains("ERROR") || line.contains("Exception")))
                .as("error lines in " + app.consoleFile()).isEmpty();
        assertThat(postgres.get().isAlive()).as("PostgreSQL stopped").isFalse();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    private AppProcess start(String name) {
        Map<String, String> settings = new HashMap<>(Map.of("loyalty.data-dir", dataDir.toString(),
                "loyalty.hubspot.enabled", "true", "loyalty.hubspot.base-url", hubspot.baseUrl()));
        return AppProcess.start(name, settings,
                Map.of("HUBSPOT_ACCESS_TOKEN", "pat-lifecycle", "HUBSPOT_APP_SECRET", "lifecycle-secret"));
    }

    /** The PostgreSQL running on the data folder, read from its pid file. */
    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

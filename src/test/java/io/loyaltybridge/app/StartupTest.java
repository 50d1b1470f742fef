package io.loyaltybridge.app;

import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an integrator sees when the working directory or the configuration is wrong, and that data survives. */
class StartupTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private static Application start(Path dir, Map<String, String> overrides) {
        Map<String, String> all = new java.util.HashMap<>(overrides);
        all.putIfAbsent("camel.server.port", Integer.toString(TestApp.freePort()));
        all.putIfAbsent("loyalty.program.file",
                io.loyaltybridge.support.StoreFixture.FLAT_PROGRAM.toAbsolutePath().toString());
        return Application.start(dir, all, Map.of("LOYALTY_API_TOKEN", TestApp.TOKEN));
    }

    @Test
    void a_missing_configuration_file_is_named_in_one_line(@TempDir Path dir) throws IOException {
        Workspaces.copy(dir);
        Files.delete(dir.resolve("config/application.properties"));
        assertThatThrownBy(() -> start(dir, Map.of())).isInstanceOf(StartupException.class)
                .hasMessageContaining("config/application.properties").message().doesNotContain("\n");
    }

    @Test
    void a_missing_routes_folder_is_named_in_one_line(@TempDir Path dir) throws IOException {
        Workspaces.copy(dir);
        try (var files = Files.list(dir.resolve("routes"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        assertThatThrownBy(() -> start(dir, Map.of())).hasMessageContaining("no route files").hasMessageContaining("routes");
        Files.delete(dir.resolve("routes"));
        assertThatThrownBy(() -> start(dir, Map.of())).isInstanceOf(StartupException.class)
                .hasMessageContaining("missing routes folder").hasMessageContaining("routes");
    }

    @Test
    void every_configuration_problem_is_listed_at_once_naming_its_key(@TempDir Path dir) throws IOException {
        Workspaces.copy(dir);
        Files.writeString(dir.resolve("config/application.properties"), """
                loyalty.db.pool-size = 0
                loyalty.api.page-sise = 20
                loyalty.db.password = hunter2
                """, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> start(dir, Map.of("camel.server.port", "eighty"))).isInstanceOf(StartupException.class)
                .hasMessageContaining("4 configuration problems")
                .hasMessageContaining("camel.server.port: 'eighty' is not a valid value")
                .hasMessageContaining("loyalty.db.pool-size: must be between 1 and 200")
                .hasMessageContaining("loyalty.api.page-sise: unknown key")
                .hasMessageContaining("loyalty.db.password: unknown key; secrets belong in the environment")
                .message().doesNotContain("hunter2");
    }

    @Test
    void a_program_file_with_problems_stops_the_start_listing_each_with_its_path(@TempDir Path dir) throws IOException {
        Workspaces.copy(dir);
        Path program = dir.resolve("config/program.yaml");
        Files.writeString(program, Files.readString(program)
                .replace("threshold: 2000", "threshold: 100")
                .replace("returnWindowDays: 14", "returnWindowDays: -1"));
        assertThatThrownBy(() -> start(dir, Map.of("loyalty.program.file", program.toString())))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("tiers.levels[2].threshold")
                .hasMessageContaining("earning.returnWindowDays");
    }

    @Test
    void a_short_api_token_from_the_environment_is_refused() throws IOException {
        assertThatThrownBy(() -> Application.start(PROJECT, Map.of(), Map.of("LOYALTY_API_TOKEN", "short")))
                .hasMessageContaining("LOYALTY_API_TOKEN");
    }

    @Test
    void data_in_the_embedded_database_survives_a_restart(@TempDir Path dir) throws IOException {
        Workspaces.copy(dir);
        long member;
        try (Application first = start(dir, Map.of())) {
            Http http = new Http(first.baseUrl(), TestApp.TOKEN);
            Http.Response created = http.post("/api/orders", """
                    {"source":"shop","externalId":"KEEP-1","member":{"email":"keep@example.com"},"total":77,
                     "currency":"EUR","placedAt":"2026-01-01T00:00:00Z","status":"completed"}""");
            assertThat(created.status()).isEqualTo(201);
            member = created.json().at("/order/memberId").asLong();
        }
        assertThat(dir.resolve("data/postgres/PG_VERSION")).exists();
        try (Application second = start(dir, Map.of())) {
            Http http = new Http(second.baseUrl(), TestApp.TOKEN);
            assertThat(http.get("/api/members/" + member).json().get("balance").asLong()).isEqualTo(77);
            assertThat(http.post("/api/orders", """
                    {"source":"shop","externalId":"KEEP-1","member":{"email":"keep@example.com"},"total":77,
                     "currency":"EUR","placedAt":"2026-01-01T00:00:00Z","status":"completed"}""").status())
                    .isEqualTo(200);
            assertThat(second.ledgerCheck().mismatches()).isEmpty();
        }
    }
}

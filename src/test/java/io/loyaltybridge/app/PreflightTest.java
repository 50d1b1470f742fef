package io.loyaltybridge.app;

import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration, secrets, program and routes are checked before anything starts, and reported all at once. */
class PreflightTest {

    private static void breakEverything(Path dir) throws IOException {
        Workspaces.copy(dir);
        Files.writeString(dir.resolve("config/application.properties"), """
                loyalty.api.page-sise = 20
                loyalty.hubspot.enabled = true
                loyalty.salesforce.enabled = true
                loyalty.salesforce.login-url = https://example.my.salesforce.com
                """, java.nio.file.StandardOpenOption.APPEND);
        Path program = dir.resolve("config/program.yaml");
        Files.writeString(program, Files.readString(program).replace("returnWindowDays: 14", "returnWindowDays: -1"));
        try (var files = Files.list(dir.resolve("routes"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir.resolve("routes"));
    }

    @Test
    void a_start_with_several_problems_lists_them_all_and_starts_no_database(@TempDir Path dir) throws IOException {
        breakEverything(dir);
        Map<String, String> overrides = new HashMap<>(Map.of("camel.server.port", Integer.toString(TestApp.freePort()),
                "loyalty.program.file", dir.resolve("config/program.yaml").toString()));
        assertThatThrownBy(() -> Application.start(dir, overrides, Map.of("LOYALTY_API_TOKEN", "short")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("missing routes folder")
                .hasMessageContaining("loyalty.api.page-sise: unknown key")
                .hasMessageContaining("LOYALTY_API_TOKEN: must be at least")
                .hasMessageContaining("HUBSPOT_ACCESS_TOKEN is not set")
                .hasMessageContaining("SALESFORCE_CLIENT_ID: not set")
                .hasMessageContaining("SALESFORCE_CLIENT_SECRET: not set")
                .hasMessageContaining("earning.returnWindowDays");
        assertThat(dir.resolve("data")).as("no database folder").doesNotExist();
    }

    @Test
    void sandbox_mode_reports_a_broken_program_and_missing_routes_before_it_seeds_the_shop(@TempDir Path dir)
            throws IOException {
        breakEverything(dir);
        Map<String, String> overrides = Map.of("camel.server.port", Integer.toString(TestApp.freePort()),
                "loyalty.program.file", dir.resolve("config/program.yaml").toString());
        assertThatThrownBy(() -> SandboxMode.start(dir, overrides, Map.of()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("missing routes folder")
                .hasMessageContaining("loyalty.api.page-sise: unknown key")
                .hasMessageContaining("earning.returnWindowDays")
                // The sandboxes supply the connectors' secrets: the file's connector settings need none.
                .message().doesNotContain("HUBSPOT_ACCESS_TOKEN").doesNotContain("SALESFORCE_CLIENT_ID");
        assertThat(dir.resolve("data")).as("no database folder").doesNotExist();
    }
}

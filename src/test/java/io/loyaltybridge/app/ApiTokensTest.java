package io.loyaltybridge.app;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Named API tokens from LOYALTY_API_TOKENS: read in order, refused at start when malformed, never echoed. */
class ApiTokensTest {
    private static final ApiToken MAIN = new ApiToken("main-token-0123456789", "api-token", "test");

    private static Map<String, String> tokens(String listed) {
        return ApiTokens.all(MAIN, Config.load(new Properties(), Map.of("LOYALTY_API_TOKENS", listed)));
    }

    @Test
    void each_listed_token_is_known_by_its_name_next_to_the_main_one() {
        assertThat(tokens(" alice:alice-token-0123456789 , ops.bot:bot-token-0123456789"))
                .containsExactly(Map.entry("api-token", "main-token-0123456789"),
                        Map.entry("alice", "alice-token-0123456789"), Map.entry("ops.bot", "bot-token-0123456789"));
    }

    @Test
    void a_malformed_list_stops_the_start_naming_the_variable_but_not_the_secret() {
        assertThatThrownBy(() -> tokens("alice:short")).isInstanceOf(StartupException.class)
                .hasMessageContaining("LOYALTY_API_TOKENS").hasMessageContaining("alice")
                .message().doesNotContain("short");
        assertThatThrownBy(() -> tokens("no-colon-token-0123456789")).isInstanceOf(StartupException.class)
                .hasMessageContaining("LOYALTY_API_TOKENS").message().doesNotContain("0123456789");
        assertThatThrownBy(() -> tokens("api-token:other-token-0123456789,bob:main-token-0123456789"))
                .isInstanceOf(StartupException.class).hasMessageContaining("repeats");
        assertThatThrownBy(() -> tokens("bob:bob-token-0123456789,carl:bob-token-0123456789"))
                .isInstanceOf(StartupException.class).message().doesNotContain("bob-token");
    }
}

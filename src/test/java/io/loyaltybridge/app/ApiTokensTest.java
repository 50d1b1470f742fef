package io.loyaltybridge.app;

import io.loyaltybridge.api.Role;
import io.loyaltybridge.api.TokenBook;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Named API tokens from LOYALTY_API_TOKENS: name:role:token, read in order, refused at start when malformed, never echoed. */
class ApiTokensTest {
    private static final ApiToken MAIN = new ApiToken("main-token-0123456789", "api-token", "test");

    private static List<TokenBook.Entry> tokens(String listed) {
        return ApiTokens.all(MAIN, Config.load(new Properties(), Map.of("LOYALTY_API_TOKENS", listed)));
    }

    @Test
    void each_listed_token_is_known_by_its_name_and_role_next_to_the_main_admin_one() {
        assertThat(tokens(" alice:support:alice-token-0123456789 , ops.bot:read:bot-token-0123456789"))
                .containsExactly(new TokenBook.Entry("api-token", Role.ADMIN, "main-token-0123456789"),
                        new TokenBook.Entry("alice", Role.SUPPORT, "alice-token-0123456789"),
                        new TokenBook.Entry("ops.bot", Role.READ, "bot-token-0123456789"));
    }

    @Test
    void an_entry_without_a_role_is_refused_with_the_new_form_in_the_message() {
        assertThatThrownBy(() -> tokens("alice:alice-token-0123456789")).isInstanceOf(StartupException.class)
                .hasMessageContaining("LOYALTY_API_TOKENS").hasMessageContaining("alice")
                .hasMessageContaining("name:role:token").message().doesNotContain("0123456789");
        assertThatThrownBy(() -> tokens("alice:owner:alice-token-0123456789")).isInstanceOf(StartupException.class)
                .hasMessageContaining("name:role:token").message().doesNotContain("owner");
    }

    @Test
    void one_name_may_hold_two_tokens_with_one_role_while_a_token_is_rotated() {
        assertThat(tokens("shop:ingest:old-shop-token-0123456789,shop:ingest:new-shop-token-0123456789"))
                .extracting(TokenBook.Entry::name).containsExactly("api-token", "shop", "shop");
        assertThatThrownBy(() -> tokens("shop:ingest:old-shop-token-0123456789,shop:admin:new-shop-token-012345"))
                .isInstanceOf(StartupException.class).hasMessageContaining("another role");
    }

    @Test
    void a_malformed_list_stops_the_start_naming_the_variable_but_not_the_secret() {
        assertThatThrownBy(() -> tokens("alice:read:short")).isInstanceOf(StartupException.class)
                .hasMessageContaining("LOYALTY_API_TOKENS").hasMessageContaining("alice")
                .message().doesNotContain("short");
        assertThatThrownBy(() -> tokens("no-colon-token-0123456789")).isInstanceOf(StartupException.class)
                .hasMessageContaining("LOYALTY_API_TOKENS").message().doesNotContain("0123456789");
        assertThatThrownBy(() -> tokens("api-token:read:other-token-0123456789"))
                .isInstanceOf(StartupException.class).hasMessageContaining("another role");
        assertThatThrownBy(() -> tokens("bob:read:bob-token-0123456789,carl:read:bob-token-0123456789"))
                .isInstanceOf(StartupException.class).message().doesNotContain("bob-token");
        assertThatThrownBy(() -> tokens("bob:admin:main-token-0123456789"))
                .isInstanceOf(StartupException.class).message().doesNotContain("main-token");
    }
}

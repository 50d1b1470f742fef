package io.loyaltybridge.sync;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a CRM quotes back in an error (the record's values) stays out of WARN lines. */
class LogSafeTest {
    @Test
    void a_crm_error_is_logged_by_kind_and_status_without_the_values_it_quotes() {
        RuntimeException hubspot = new IllegalStateException("HubSpot answered 400 VALIDATION_ERROR: Property values"
                + " were not valid: [{\"message\":\"Email address bob.private@example.com is invalid\"}]");
        RuntimeException salesforce = new RuntimeException("LastName: data value too large: 'Privatelastname'");
        RuntimeException plain = new RuntimeException("no answer from mail.example.com for jane.doe@example.org");

        assertThat(LogSafe.describe(hubspot)).isEqualTo("IllegalStateException: HubSpot answered 400"
                + " VALIDATION_ERROR: Property values were not valid: (details at DEBUG)");
        assertThat(LogSafe.describe(salesforce)).doesNotContain("Privatelastname").startsWith("RuntimeException:");
        assertThat(LogSafe.describe(plain)).isEqualTo("RuntimeException: no answer from mail.example.com for <email>");
        assertThat(LogSafe.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }
}

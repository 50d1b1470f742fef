package io.loyaltybridge.sandbox.hubspot;

import io.loyaltybridge.sandbox.MutableClock;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh sandbox per test on a movable clock, with a spec-checked client holding a valid token. */
abstract class SandboxFixture {
    static final String TOKEN = "pat-na1-sandbox-test";
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    protected HubSpotSandbox hs;
    protected HubSpotHttp http;

    protected SandboxOptions options() {
        return SandboxOptions.defaults().token(TOKEN).clock(clock);
    }

    @BeforeEach
    void startSandbox() {
        hs = HubSpotSandbox.start(options());
        http = new HubSpotHttp(hs.baseUrl(), TOKEN);
    }

    @AfterEach
    void stopSandbox() {
        hs.close();
    }

    static String ids(long... ids) {
        StringBuilder sb = new StringBuilder("[");
        for (long id : ids) {
            sb.append(sb.length() > 1 ? "," : "").append("{\"id\":\"").append(id).append("\"}");
        }
        return sb.append("]").toString();
    }
}

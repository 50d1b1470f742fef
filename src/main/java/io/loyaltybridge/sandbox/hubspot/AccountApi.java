package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.ZoneId;

/**
 * {@code GET /account-info/v3/details}: the account's id, time zone (which also decides when the sandbox's daily
 * limit resets, as at HubSpot), currencies and data hosting, as {@link SandboxOptions} set them.
 */
final class AccountApi {
    private final SandboxOptions options;

    AccountApi(SandboxOptions options) {
        this.options = options;
    }

    void mount(Router r, Routes.Mounter m) {
        m.get(r, "/account-info/v3/details", this::details);
    }

    private void details(RoutingContext ctx) {
        ZoneId zone = options.timeZone;
        int offsetSeconds = zone.getRules().getOffset(Instant.now(options.clock)).getTotalSeconds();
        ObjectNode body = Json.object().put("portalId", options.portalId).put("accountType", "STANDARD")
                .put("timeZone", zone.getId()).put("companyCurrency", options.companyCurrency)
                .put("utcOffset", offset(offsetSeconds)).put("utcOffsetMilliseconds", offsetSeconds * 1000L)
                .put("uiDomain", "app.hubspot.com").put("dataHostingLocation", "na1");
        options.additionalCurrencies.forEach(body.putArray("additionalCurrencies")::add);
        Reply.json(ctx, 200, body);
    }

    /** "+01:00", "-05:30": HubSpot's utcOffset form. */
    private static String offset(int seconds) {
        int abs = Math.abs(seconds);
        return String.format("%s%02d:%02d", seconds < 0 ? "-" : "+", abs / 3600, abs % 3600 / 60);
    }
}

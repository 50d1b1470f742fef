package io.loyaltybridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * HubSpot's date-versioned OAuth token endpoint, {@code POST /oauth/2026-03/token}, for the refresh-token grant of
 * the app configured with {@link SandboxOptions#oauthApp}: every parameter in the form body (a parameter in the URL
 * is refused), answers as the spec's AccessTokenResponse, errors with RFC 6749's {@code error} and
 * {@code error_description} beside HubSpot's {@code status}, {@code message}, {@code category}. Each access token
 * issued is accepted by every other API until {@link Faults#expireToken}. The v1 endpoints (retired 2027-02-16)
 * answer 410 saying so. Mounted before the {@link Gate}: the token endpoint takes no Bearer token.
 */
final class OAuthApi {
    static final String TOKEN_PATH = "/oauth/2026-03/token";
    private final SandboxOptions options;
    private final Set<String> accepted;
    private final List<String> issued = new CopyOnWriteArrayList<>();

    OAuthApi(SandboxOptions options, Set<String> accepted) {
        this.options = options;
        this.accepted = accepted;
    }

    /** The access tokens issued so far, oldest first. */
    List<String> issued() {
        return List.copyOf(issued);
    }

    void mount(Router r) {
        r.route(HttpMethod.POST, TOKEN_PATH).handler(this::token);
        r.route("/oauth/v1/*").handler(ctx -> Reply.json(ctx, 410, error("invalid_request",
                ctx.request().method() + " " + ctx.normalizedPath() + " is retired (HubSpot retires the v1 OAuth "
                        + "API on 2027-02-16); use POST " + TOKEN_PATH + " with a form body")));
    }

    private void token(RoutingContext ctx) {
        if (!ctx.queryParams().isEmpty()) {
            Reply.json(ctx, 400, error("invalid_request", "parameters belong in the form body, not in the URL"));
            return;
        }
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            Reply.json(ctx, 400, error("invalid_request", "the body must be application/x-www-form-urlencoded"));
            return;
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        String body = ctx.body().asString();
        for (String pair : body == null ? new String[0] : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (!kv[0].isEmpty()) {
                form.add(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        if (!"refresh_token".equals(form.get("grant_type"))) {
            Reply.json(ctx, 400, error("unsupported_grant_type", "this sandbox grants refresh_token only"));
            return;
        }
        if (options.oauthClientId == null || !options.oauthClientId.equals(form.get("client_id"))
                || !options.oauthClientSecret.equals(form.get("client_secret"))) {
            Reply.json(ctx, 401, error("invalid_client", "unknown client_id or wrong client_secret"));
            return;
        }
        if (!options.oauthRefreshToken.equals(form.get("refresh_token"))) {
            Reply.json(ctx, 400, error("invalid_grant", "missing or unknown refresh token"));
            return;
        }
        String token = "oauth-sandbox-" + (issued.size() + 1) + "-" + UUID.randomUUID();
        accepted.add(token);
        issued.add(token);
        ObjectNode answer = Json.object().put("access_token", token).put("refresh_token", options.oauthRefreshToken)
                .put("expires_in", 1800).put("token_type", "bearer").put("token_use", "access_token")
                .put("hub_id", options.portalId);
        answer.putArray("scopes").add("crm.objects.contacts.read").add("crm.objects.contacts.write");
        Reply.json(ctx, 200, answer);
    }

    private static ObjectNode error(String error, String description) {
        ObjectNode body = Reply.errorBody(new ApiError(400, "BAD_REQUEST", null, description));
        return body.put("error", error).put("error_description", description);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}

package io.loyaltybridge.sandbox.salesforce.http;

import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /services/oauth2/token} (client credentials, JWT bearer, refresh token and password flows) and
 * {@code /services/oauth2/revoke}. Served on the login URL and the instance URL alike, as camel-salesforce logs in
 * again at the instance URL after a 401.
 */
final class OAuthEndpoint {
    private final Peer peer;

    OAuthEndpoint(Peer peer) {
        this.peer = peer;
    }

    void token(RoutingContext ctx) {
        peer.calls.increment("token");
        MultiMap form = ctx.request().formAttributes();
        SandboxOptions o = peer.options;
        String grant = form.get("grant_type");
        if (grant == null) {
            Replies.oauthError(ctx, 400, "unsupported_grant_type", "grant type not supported");
            return;
        }
        String clientId = form.get("client_id");
        String problem;
        switch (grant) {
            case "client_credentials" -> problem = clientProblem(form, true);
            case "refresh_token" -> problem = clientProblem(form, false) != null ? clientProblem(form, false)
                    : o.refreshToken().equals(form.get("refresh_token")) ? null : "expired access/refresh token";
            case "password" -> problem = clientProblem(form, true) != null ? clientProblem(form, true)
                    : o.username().equals(form.get("username")) && o.password().equals(form.get("password")) ? null
                    : "authentication failure";
            case "urn:ietf:params:oauth:grant-type:jwt-bearer" -> {
                problem = JwtAssertion.problem(form.get("assertion"), o.clientId(), o.username(), o.jwtAudience(),
                        o.jwtPublicKey());
                clientId = o.clientId();
            }
            default -> {
                Replies.oauthError(ctx, 400, "unsupported_grant_type", "grant type not supported");
                return;
            }
        }
        if (problem != null) {
            String error = problem.equals("client identifier invalid") ? "invalid_client_id"
                    : problem.equals("invalid client credentials") && !grant.contains("jwt") ? "invalid_client"
                    : "invalid_grant";
            Replies.oauthError(ctx, 400, error, problem);
            return;
        }
        Sessions.Session s = peer.sessions.issue(clientId, o.username());
        Replies.json(ctx, 200, tokenBody(s, grant));
    }

    private String clientProblem(MultiMap form, boolean secretRequired) {
        SandboxOptions o = peer.options;
        if (!o.clientId().equals(form.get("client_id"))) {
            return "client identifier invalid";
        }
        String secret = form.get("client_secret");
        if ((secretRequired || secret != null) && !o.clientSecret().equals(secret)) {
            return "invalid client credentials";
        }
        return null;
    }

    private Map<String, Object> tokenBody(Sessions.Session s, String grant) {
        String id = peer.loginUrl() + "/id/" + peer.orgId + "/" + peer.userId;
        String issuedAt = Long.toString(s.issuedAt());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", s.token());
        if (grant.equals("password")) {
            body.put("refresh_token", peer.options.refreshToken());
        }
        body.put("signature", signature(id + issuedAt));
        body.put("scope", "api");
        body.put("instance_url", peer.instanceUrl());
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        return body;
    }

    /** Salesforce signs {@code id + issued_at} with the consumer secret so a client can check the response. */
    private String signature(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(peer.options.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void revoke(RoutingContext ctx) {
        peer.calls.increment("revoke");
        String token = ctx.request().getParam("token");
        if (token == null) {
            token = ctx.request().formAttributes().get("token");
        }
        if (peer.sessions.revoke(token)) {
            ctx.response().setStatusCode(200).end();
        } else {
            Replies.oauthError(ctx, 400, "unsupported_token_type", "this token type is not supported");
        }
    }
}

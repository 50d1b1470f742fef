package io.loyaltybridge.sandbox.salesforce.http;

import io.vertx.ext.web.RoutingContext;

/** One authenticated REST call: the Vert.x context, the caller's session and the API version in the path. */
record ApiCall(RoutingContext ctx, Sessions.Session session, String apiVersion) {

    /**
     * The {@code changeOrigin} of change events caused by this call. Salesforce takes the client name from the
     * {@code Sforce-Call-Options: client=...} header; without that header we use the connected app's client id,
     * so a connector can always recognise its own writes.
     */
    String changeOrigin() {
        String client = session.clientId();
        String options = ctx.request().getHeader("Sforce-Call-Options");
        if (options != null) {
            for (String part : options.split(",")) {
                String p = part.trim();
                if (p.startsWith("client=")) {
                    client = p.substring("client=".length());
                }
            }
        }
        String major = apiVersion.contains(".") ? apiVersion.substring(0, apiVersion.indexOf('.')) : apiVersion;
        return "com/salesforce/api/rest/" + major + ".0;client=" + client;
    }
}

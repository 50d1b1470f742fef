package io.loyaltybridge.api;

import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

import java.util.Locale;

/**
 * The headers the client really sent. Camel copies query parameters into message headers, so
 * {@code ?Authorization=Bearer...} or {@code ?Content-Type=...} would read like headers; anything that decides
 * who calls or how the body is read comes from the HTTP request itself instead, and is absent (so refused) when the
 * message did not come from the HTTP server.
 */
final class WireHeaders {
    private WireHeaders() {
    }

    static String get(Message message, String name) {
        return message instanceof HttpMessage http && http.getRequest() != null
                ? http.getRequest().getHeader(name) : null;
    }

    /**
     * True for {@code application/json} and any {@code application/...+json} (parameters such as charset
     * allowed); a type that merely contains "json" somewhere is not JSON.
     */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.matches("application/[a-z0-9.!#$&^_-]+\\+json");
    }
}

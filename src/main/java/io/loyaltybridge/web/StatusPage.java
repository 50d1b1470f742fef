package io.loyaltybridge.web;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the status page (static HTML, CSS and scripts from the jar) at {@code /} and {@code /assets/...}. The page
 * holds no data and needs no token: it asks for the token and calls the API, which checks it.
 */
public final class StatusPage {
    // Scripts and styles come from this server only; Chart.js sets inline styles on its canvases.
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private final WebPaths paths;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public StatusPage(WebPaths paths) {
        this.paths = paths;
    }

    public static StatusPage shipped() {
        return new StatusPage(new WebPaths(WebJars.vendorFiles()));
    }

    public void serve(Exchange exchange) {
        Message message = exchange.getMessage();
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        Optional<WebPaths.Resource> resource = paths.resolve(path);
        Optional<byte[]> bytes = resource.flatMap(r -> read(r.classpath()));
        message.removeHeaders("*");
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Referrer-Policy", "no-referrer");
        // The jar's files change only with a new jar; revalidating each load keeps an upgraded page from mixing.
        message.setHeader("Cache-Control", "no-cache");
        if (bytes.isEmpty()) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            message.setBody("not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, resource.get().contentType());
        message.setHeader("Content-Security-Policy", CSP);
        message.setBody(bytes.get());
    }

    private Optional<byte[]> read(String classpath) {
        byte[] cached = cache.get(classpath);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = StatusPage.class.getClassLoader().getResourceAsStream(classpath)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] read = in.readAllBytes();
            cache.put(classpath, read);
            return Optional.of(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

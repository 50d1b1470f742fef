package io.loyaltybridge.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a request path of the status page to the classpath resource that answers it. Only plain names are
 * accepted (letters, digits, dot, dash, underscore; no segment starting with a dot, no escapes, no backslash), so
 * no path, however encoded, can climb out of the page's own folder.
 */
public final class WebPaths {
    /** Where the page's files live in the jar. */
    static final String ROOT = "web/";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    private final Map<String, String> vendor;

    /** @param vendor files served under {@code /assets/vendor/} by name, each from its own classpath location */
    public WebPaths(Map<String, String> vendor) {
        this.vendor = Map.copyOf(vendor);
    }

    /** A resource to serve: where it is on the classpath and its Content-Type. */
    public record Resource(String classpath, String contentType) {
    }

    /** The resource for {@code path} (as requested, starting with '/'), or empty: answer 404. */
    public Optional<Resource> resolve(String path) {
        if (path == null || path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
            return Optional.of(new Resource(ROOT + "index.html", TYPES.get("html")));
        }
        if (!path.startsWith("/assets/")) {
            return Optional.empty();
        }
        String name = path.substring("/assets/".length());
        if (!SAFE.matcher(name).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        if (name.startsWith("vendor/")) {
            String location = vendor.get(name.substring("vendor/".length()));
            return location == null ? Optional.empty() : Optional.of(new Resource(location, type));
        }
        return Optional.of(new Resource(ROOT + "assets/" + name, type));
    }
}

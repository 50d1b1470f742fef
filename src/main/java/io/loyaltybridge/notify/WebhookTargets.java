package io.loyaltybridge.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where outgoing webhooks may go. A subscription URL is chosen by whoever holds an API token, and the app sends
 * from inside the network: pointed at loopback, a private range or a cloud metadata address (169.254.169.254), a
 * delivery would reach services never meant to be reachable from outside (server-side request forgery). So only
 * http(s) URLs whose host resolves to public addresses are taken, unless
 * {@code loyalty.notify.webhooks.allow-private-targets} is true (receivers on the same host or network).
 *
 * <p>The check runs when a subscription is created, and again before each delivery: a name that resolved to a
 * public address then may resolve to a private one now (DNS rebinding). The JVM caches the answer it just got
 * (networkaddress.cache.ttl, 30 s by default), so the HTTP client connects to the address checked here.
 */
public final class WebhookTargets {
    private final boolean allowPrivate;

    public WebhookTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL cannot be a subscription's, or empty. A host that does not resolve now is checked at send time. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("must be an absolute http or https URL without user info");
        }
        try {
            return forbidden(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Before a delivery: the host's addresses now; a forbidden one, or none, fails the delivery for good. */
    public void checkBeforeSending(URI uri) {
        if (uri.getHost() == null) {
            throw new Channel.DeliveryFailure("invalid URL: no host", true, null);
        }
        Optional<String> refusal;
        try {
            refusal = forbidden(uri.getHost());
        } catch (UnknownHostException e) {
            // Maybe a passing DNS failure: retried like a receiver that does not answer.
            throw new Channel.DeliveryFailure("host does not resolve", false, null);
        }
        refusal.ifPresent(reason -> {
            throw new Channel.DeliveryFailure("target refused: " + reason
                    + " (loyalty.notify.webhooks.allow-private-targets is false)", true, null);
        });
    }

    private Optional<String> forbidden(String host) throws UnknownHostException {
        if (allowPrivate) {
            return Optional.empty();
        }
        // URI keeps the brackets of an IPv6 literal; getAllByName takes it either way.
        for (InetAddress address : InetAddress.getAllByName(host)) {
            String kind = kind(address);
            if (kind != null) {
                return Optional.of("resolves to a " + kind + " address (" + address.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    /** What makes the address internal, or null for a public one. */
    static String kind(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                return kind(embedded);
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique local (fc00::/7)";
            }
        }
        if (address.isAnyLocalAddress()) {
            return "wildcard";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "unspecified (0.0.0.0/8)";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "shared (100.64.0.0/10)";
            }
            if (first >= 240) {
                return "reserved (240.0.0.0/4)";
            }
        }
        return null;
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d) or IPv4-mapped (::ffff:a.b.c.d) IPv6 address. */
    private static InetAddress embeddedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return null;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && (b[12] != 0 || b[13] != 0);
        if (!mapped && !compatible) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

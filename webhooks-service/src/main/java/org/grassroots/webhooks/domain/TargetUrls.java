package org.grassroots.webhooks.domain;

import org.grassroots.kit.problem.ProblemException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The rule for where deliveries may go: an absolute http(s) URL (https only when {@code requireHttps}), without
 * credentials, whose host resolves only to public addresses unless private targets are allowed. A receiver on
 * loopback, a private network or a link-local address (the cloud metadata service at 169.254.169.254) would let
 * whoever registers an endpoint make this service call into its own network (SSRF).
 */
public record TargetUrls(boolean requireHttps, boolean allowPrivateTargets) {

    public static final int MAX_LENGTH = 2000;
    public static final String NOT_PUBLIC = "target-not-public";
    public static final String UNRESOLVABLE = "target-unresolvable";

    /** How a host name becomes addresses: the system's resolver, or a test's. */
    @FunctionalInterface
    public interface Resolver {
        Resolver SYSTEM = InetAddress::getAllByName;

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * A target checked for one attempt: the URL as registered (its host is what the request names, in the
     * {@code Host} header and TLS SNI, and what the certificate must match) and the one address, among those the
     * host resolved to, that the connection must go to.
     */
    public record Pinned(URI url, String host, int port, boolean https, InetAddress address) {
    }

    /** @return the URL, checked; 400 naming {@code url} if it is no absolute http(s) URL, 422 for a refused host */
    public URI check(String url) {
        URI uri = parse(url);
        if (!allowPrivateTargets) {
            choose(uri.getHost(), resolve(uri.getHost(), Resolver.SYSTEM), false);
        }
        return uri;
    }

    /**
     * Checks the URL and resolves its host <em>once</em>, for one attempt: refused (422 {@value #NOT_PUBLIC}) if any
     * address it resolves to is not allowed, {@value #UNRESOLVABLE} if it resolves to none; otherwise the address
     * to connect to. The sender connects to exactly that address, so the answer checked is the answer used: a name
     * that resolves to a public address for the check and to a private one for the connection (DNS rebinding) has
     * no second resolution to exploit.
     */
    public Pinned pin(String url, Resolver resolver) {
        URI uri = parse(url);
        String host = uri.getHost();
        InetAddress address = choose(host, resolve(host, resolver), allowPrivateTargets);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        return new Pinned(uri, host, port, https, address);
    }

    /**
     * The decision on a host's addresses: refused if any of them is loopback, private, link-local and so on (unless
     * private targets are allowed) — a name that answers a public and a private address is refused rather than
     * hoped to be connected to the public one; otherwise the first address, the one the connection will use.
     */
    static InetAddress choose(String host, InetAddress[] addresses, boolean allowPrivate) {
        if (addresses == null || addresses.length == 0) {
            throw Refusals.unprocessable(UNRESOLVABLE, "url", "the host " + host + " does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw Refusals.unprocessable(NOT_PUBLIC, "url", "the host " + host
                            + " resolves to a loopback, private or link-local address (" + address.getHostAddress()
                            + "), which deliveries may not reach");
                }
            }
        }
        return addresses[0];
    }

    private URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.badRequest("url", "is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw ProblemException.badRequest("url", "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw ProblemException.badRequest("url", "must be an absolute http or https URL");
        }
        if (requireHttps && !"https".equals(scheme)) {
            throw ProblemException.badRequest("url", "must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.badRequest("url", "must not carry credentials");
        }
        return uri;
    }

    private static InetAddress[] resolve(String host, Resolver resolver) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw Refusals.unprocessable(UNRESOLVABLE, "url", "the host " + host + " does not resolve");
        }
    }

    /** Loopback, unspecified, private (RFC 1918, RFC 6598 shared, IPv6 unique-local), link-local or multicast. */
    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isSiteLocalAddress()
                || address.isLinkLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128);
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7
        }
        return false;
    }
}

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

    /** @return the URL, checked; 400 naming {@code url} if it is no absolute http(s) URL, 422 for a refused host */
    public URI check(String url) {
        URI uri = parse(url);
        if (!allowPrivateTargets) {
            requirePublic(uri.getHost());
        }
        return uri;
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

    private static void requirePublic(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw Refusals.unprocessable("target-unresolvable", "url", "the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw Refusals.unprocessable("target-not-public", "url", "the host " + host
                        + " resolves to a loopback, private or link-local address (" + address.getHostAddress()
                        + "), which deliveries may not reach");
            }
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

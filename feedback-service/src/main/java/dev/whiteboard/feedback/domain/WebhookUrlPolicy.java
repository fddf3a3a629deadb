package dev.whiteboard.feedback.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which callback URLs a tenant may register: absolute http(s) URLs with a host, no user info and no
 * fragment, at most 2,000 characters. Unless private addresses are allowed (local development and tests),
 * loopback, private, link-local and unspecified IP addresses and localhost names are refused, so that a
 * webhook cannot be aimed at the service's own network.
 */
public final class WebhookUrlPolicy {
    static final int MAX_LENGTH = 2000;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean allowPrivateAddresses;

    public WebhookUrlPolicy(boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** Empty when the URL is acceptable, else why not. */
    public Optional<String> problemWith(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (!allowPrivateAddresses && privateHost(uri.getHost())) {
            return Optional.of("must not point at a loopback, private or link-local address");
        }
        return Optional.empty();
    }

    static boolean privateHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".local") || h.endsWith(".internal")) {
            return true;
        }
        boolean literal = IPV4.matcher(h).matches() || h.startsWith("[");
        if (!literal) {
            return false;
        }
        try {
            // An IP literal is parsed without a DNS lookup.
            InetAddress address = InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalIpv6(address);
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean uniqueLocalIpv6(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}

package io.nectar.webhooks;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhook deliveries away from this server's own network (server-side request forgery).
 *
 * <p>Anyone with an API key chooses where webhooks go, so without this guard an endpoint such as
 * {@code http://169.254.169.254/latest/meta-data/} or {@code http://localhost:5432/} would make the
 * server probe its own cloud metadata service or private network on the caller's behalf. The check is
 * on addresses, not host names: a public-looking name can resolve to a private address, so the
 * transport asks this guard about every address a name resolves to and connects only to addresses it
 * has checked.
 *
 * <p>A self-hosted server whose receivers sit on the same private network (or on the same machine,
 * as in tests) turns the check off with {@code NECTAR_ALLOW_PRIVATE_TARGETS=true}.
 */
public final class TargetGuard {
  /** Far above any real endpoint; keeps stored URLs and delivery logs small. */
  static final int MAX_URL_LENGTH = 2_000;
  static final String ALLOW_PRIVATE_SETTING = "NECTAR_ALLOW_PRIVATE_TARGETS";

  private final boolean allowPrivateTargets;

  /**
   * @param allowPrivateTargets true to allow every address, private ones included (receivers on the
   *     same network as the server); false for a server that delivers to the internet
   */
  public TargetGuard(boolean allowPrivateTargets) {
    this.allowPrivateTargets = allowPrivateTargets;
  }

  /**
   * Says what is wrong with {@code url} as a webhook endpoint, as a sentence for an API error, or
   * nothing when it is acceptable. Addresses are not looked up here: a name's addresses can change
   * between registration and delivery, so they are checked at each delivery instead.
   */
  public static Optional<String> urlProblem(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("The URL is required.");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return Optional.of("The URL must be at most 2,000 characters.");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("The URL is not valid: " + e.getReason() + ".");
    }
    if (!uri.isAbsolute()) {
      return Optional.of("The URL must be absolute, starting with https:// or http://.");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("The URL must use https or http, not " + uri.getScheme() + ".");
    }
    if (uri.getRawUserInfo() != null) {
      // Credentials in a URL end up in logs and the delivery history; receivers verify the signature.
      return Optional.of("The URL must not contain a user name or password.");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("The URL must name a host (letters, digits, '-' and '.', or an IP address).");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65_535) {
      return Optional.of("The URL's port must be between 1 and 65535.");
    }
    if (uri.getRawFragment() != null) {
      // A fragment is never sent over HTTP, so it can only be a mistake.
      return Optional.of("The URL must not contain a fragment (the part after '#').");
    }
    return Optional.empty();
  }

  /**
   * True if a delivery may connect to {@code address}. Every address is allowed when this guard
   * allows private targets; otherwise loopback, unspecified, link-local (with the cloud metadata
   * addresses), private, shared (carrier-grade NAT), multicast and reserved addresses are refused, also
   * when an IPv6 address carries one of them inside it (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
   */
  public boolean allowed(InetAddress address) {
    return allowPrivateTargets || isPublic(address);
  }

  /**
   * Refuses {@code host} if any of the addresses it resolved to is not {@link #allowed}: all, not
   * some, as connecting might pick any of them. The transport resolves names itself, without
   * blocking a thread on DNS, and connects only to addresses this has passed.
   *
   * @throws RefusedTarget naming the first address not allowed
   */
  public void check(String host, List<InetAddress> addresses) throws RefusedTarget {
    for (InetAddress address : addresses) {
      if (!allowed(address)) {
        String what = isLiteral(host) ? host + " is a private address"
            : host + " resolves to a private address " + address.getHostAddress();
        throw new RefusedTarget(what + "; set " + ALLOW_PRIVATE_SETTING + "=true to allow it");
      }
    }
  }

  /** An IPv4 or (bracketed) IPv6 address written out, as opposed to a name to look up. */
  private static boolean isLiteral(String host) {
    return host.matches("\\[[^\\]]+\\]|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*|[0-9.]+");
  }

  private static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(bytes, 0);
    }
    if (address instanceof Inet6Address) {
      return isPublicV6(bytes);
    }
    return false;
  }

  /** The IPv4 address at {@code bytes[offset..offset+3]}. */
  private static boolean isPublicV4(byte[] bytes, int offset) {
    int a = bytes[offset] & 0xff;
    int b = bytes[offset + 1] & 0xff;
    int c = bytes[offset + 2] & 0xff;
    return !(a == 0                                 // 0/8 "this network"; 0.0.0.0 reaches localhost
        || a == 10                                  // 10/8 private
        || (a == 100 && (b & 0xc0) == 64)           // 100.64/10 carrier-grade NAT
        || a == 127                                 // 127/8 loopback
        || (a == 169 && b == 254)                   // 169.254/16 link-local, cloud metadata
        || (a == 172 && (b & 0xf0) == 16)           // 172.16/12 private
        || (a == 192 && b == 0 && c == 0)           // 192.0.0/24 IETF protocol assignments
        || (a == 192 && b == 168)                   // 192.168/16 private
        || (a == 198 && (b & 0xfe) == 18)           // 198.18/15 benchmarking, used as internal space
        || a >= 224);                               // multicast, reserved, 255.255.255.255 broadcast
  }

  private static boolean isPublicV6(byte[] bytes) {
    if (allZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
      return isPublicV4(bytes, 12); // ::ffff:a.b.c.d, IPv4-mapped
    }
    if (allZero(bytes, 0, 12)) {
      return isPublicV4(bytes, 12); // ::a.b.c.d, IPv4-compatible (:: and ::1 land in 0/8 too)
    }
    int first = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
    int second = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
    if (first == 0x0064 && second == 0xff9b) {
      if (allZero(bytes, 4, 12)) {
        return isPublicV4(bytes, 12); // 64:ff9b::/96, NAT64 reaches the embedded IPv4 address
      }
      return false; // 64:ff9b:1::/48, NAT64 for local use only
    }
    if (first == 0x2002) {
      return isPublicV4(bytes, 2); // 2002::/16, 6to4 relays to the embedded IPv4 address
    }
    return (first & 0xfe00) != 0xfc00   // fc00::/7 unique local, fd00:ec2::254 cloud metadata included
        && (first & 0xffc0) != 0xfe80   // fe80::/10 link-local
        && (first & 0xffc0) != 0xfec0   // fec0::/10 old site-local
        && (first & 0xff00) != 0xff00;  // ff00::/8 multicast
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A delivery target refused because it resolves to an address {@link #allowed} rejects. Its message
   * is written for the endpoint's owner and ends up in the delivery log.
   */
  public static final class RefusedTarget extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedTarget(String message) {
      super(message);
    }
  }
}

package io.nectar.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps outgoing requests to URLs that callers chose away from this server's own network
 * (server-side request forgery): webhook deliveries today, any fetch by URL tomorrow.
 *
 * <p>Anyone with an API key chooses where such requests go, so without this guard an endpoint such as
 * {@code http://169.254.169.254/latest/meta-data/} or {@code http://localhost:5432/} would make the
 * server probe its own cloud metadata service or private network on the caller's behalf. The check is
 * on addresses, not host names: a public-looking name can resolve to a private address, so the caller
 * asks this guard about every address a name resolves to and connects only to addresses it has checked.
 *
 * <p>Refused are the addresses that are not globally reachable ({@link SpecialPurposeAddresses}: private,
 * loopback, link-local, documentation, benchmarking, multicast, reserved and the rest of the IANA
 * special-purpose registries) and this machine's own addresses, found on its network interfaces at
 * each check (a public address of the server itself is as much its own network as loopback is).
 *
 * <p>A self-hosted server whose receivers sit on the same private network (or on the same machine,
 * as in tests) allows every address with {@code NECTAR_ALLOW_PRIVATE_TARGETS=true}.
 */
public final class TargetGuard {
  /** Far above any real endpoint; keeps stored URLs and logs small. */
  static final int MAX_URL_LENGTH = 2_000;
  static final String ALLOW_PRIVATE_SETTING = "NECTAR_ALLOW_PRIVATE_TARGETS";

  /** Which addresses requests may reach. */
  public enum Reach {
    /** Only globally reachable addresses that are not this machine's own: a server on the internet. */
    PUBLIC_ONLY,
    /** Every address, private ones and this machine's own included: receivers on the server's network. */
    ANY_ADDRESS
  }

  private final Reach reach;
  private final Supplier<? extends Collection<InetAddress>> ownAddresses;

  public TargetGuard(Reach reach) {
    this(reach, TargetGuard::interfaceAddresses);
  }

  /** As the public constructor, with this machine's addresses given (tests pretend to own public ones). */
  TargetGuard(Reach reach, Supplier<? extends Collection<InetAddress>> ownAddresses) {
    this.reach = Objects.requireNonNull(reach, "reach");
    this.ownAddresses = ownAddresses;
  }

  /**
   * Says what is wrong with {@code url} as a target, as a sentence for an API error, or nothing when
   * it is acceptable. Addresses are not looked up here: a name's addresses can change between when a
   * URL is accepted and when it is requested, so they are checked at each request instead.
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

  /** True if a request may connect to {@code address}. */
  public boolean allowed(InetAddress address) {
    return refusal(address).isEmpty();
  }

  /**
   * Refuses {@code host} if any of the addresses it resolved to is not {@link #allowed}: all, not
   * some, as connecting might pick any of them. The caller resolves the name itself and connects only
   * to addresses this has passed.
   *
   * @throws RefusedTarget naming the first address not allowed, and why
   */
  public void check(String host, List<InetAddress> addresses) throws RefusedTarget {
    for (InetAddress address : addresses) {
      Optional<String> why = refusal(address);
      if (why.isPresent()) {
        String what = isLiteral(host) ? host + " is " + why.get()
            : host + " resolves to " + address.getHostAddress() + ", " + why.get();
        throw new RefusedTarget(what + "; set " + ALLOW_PRIVATE_SETTING + "=true to allow it");
      }
    }
  }

  /** Why {@code address} may not be reached, as what it "is" in a sentence; empty if it may. */
  private Optional<String> refusal(InetAddress address) {
    if (reach == Reach.ANY_ADDRESS) {
      return Optional.empty();
    }
    if (!SpecialPurposeAddresses.isGloballyReachable(address)) {
      return Optional.of("a private or reserved address");
    }
    Collection<InetAddress> own;
    try {
      own = ownAddresses.get();
    } catch (UncheckedIOException e) {
      return Optional.of("an address that could not be compared with this server's own (" + e.getMessage() + ")");
    }
    byte[] target = address.getAddress();
    Optional<byte[]> reachedIpv4 = SpecialPurposeAddresses.reachedIpv4(target);
    for (InetAddress mine : own) {
      byte[] bytes = mine.getAddress();
      if (Arrays.equals(bytes, target) || reachedIpv4.filter(v4 -> Arrays.equals(v4, bytes)).isPresent()) {
        return Optional.of("this server's own address");
      }
    }
    return Optional.empty();
  }

  /** An IPv4 or (bracketed) IPv6 address written out, as opposed to a name to look up. */
  private static boolean isLiteral(String host) {
    return host.matches("\\[[^\\]]+\\]|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*|[0-9.]+");
  }

  /**
   * Every address of every network interface of this machine, up or down, listed anew at each check:
   * an address added later (DHCP, a new interface) is refused from then on. Listing takes tens of
   * microseconds, next to the milliseconds of the request it guards.
   */
  static List<InetAddress> interfaceAddresses() {
    try {
      return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses).toList();
    } catch (SocketException e) {
      throw new UncheckedIOException("could not list the network interfaces", e);
    }
  }

  /**
   * A target refused because it resolves to an address {@link #allowed} rejects. Its message is
   * written for whoever chose the URL (for webhooks it ends up in the delivery log).
   */
  public static final class RefusedTarget extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedTarget(String message) {
      super(message);
    }
  }
}

package io.nectar.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are globally reachable, after the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries (RFC 6890 and later entries, as of 2025): an address in a block whose "Globally
 * Reachable" is not true is refused unless a more specific entry says it is. Multicast, the reserved
 * IPv4 block and broadcast are refused too, and for IPv6 everything outside 2000::/3, the only space
 * allocated for global unicast (the rest is unique-local, link-local, multicast or reserved by the IETF).
 *
 * <p>An IPv6 address that stands for an IPv4 one is judged by the IPv4 address a connection would
 * reach: IPv4-mapped ({@code ::ffff:0:0/96}, which the operating system connects to over IPv4),
 * NAT64 ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16}).
 */
final class SpecialPurposeAddresses {
  private static final List<Block> IPV4_NOT_GLOBAL = blocks(
      "0.0.0.0/8",          // "this network"; 0.0.0.0 reaches the local host
      "10.0.0.0/8",         // private use
      "100.64.0.0/10",      // shared address space (carrier-grade NAT)
      "127.0.0.0/8",        // loopback
      "169.254.0.0/16",     // link-local, cloud metadata services
      "172.16.0.0/12",      // private use
      "192.0.0.0/24",       // IETF protocol assignments (two exceptions below)
      "192.0.2.0/24",       // documentation (TEST-NET-1)
      "192.88.99.0/24",     // 6to4 relay anycast, deprecated (RFC 7526)
      "192.168.0.0/16",     // private use
      "198.18.0.0/15",      // benchmarking
      "198.51.100.0/24",    // documentation (TEST-NET-2)
      "203.0.113.0/24",     // documentation (TEST-NET-3)
      "224.0.0.0/4",        // multicast
      "240.0.0.0/4");       // reserved, with 255.255.255.255 limited broadcast
  private static final List<Block> IPV4_GLOBAL = blocks(
      "192.0.0.9/32",       // Port Control Protocol anycast
      "192.0.0.10/32");     // TURN anycast
  private static final Block IPV6_GLOBAL_UNICAST = Block.of("2000::/3");
  private static final List<Block> IPV6_NOT_GLOBAL = blocks(
      "2001::/23",          // IETF protocol assignments: Teredo, benchmarking, ORCHID (exceptions below)
      "2001:db8::/32",      // documentation
      "3fff::/20");         // documentation (RFC 9637)
  private static final List<Block> IPV6_GLOBAL = blocks(
      "2001:1::1/128",      // Port Control Protocol anycast
      "2001:1::2/128",      // TURN anycast
      "2001:1::3/128",      // DNS-SD service registration protocol anycast
      "2001:3::/32",        // AMT
      "2001:4:112::/48",    // AS112-v6
      "2001:20::/28",       // ORCHIDv2
      "2001:30::/28");      // drone remote ID entity tags
  private static final Block NAT64 = Block.of("64:ff9b::/96");
  private static final Block SIX_TO_FOUR = Block.of("2002::/16");

  private SpecialPurposeAddresses() {}

  /** True if {@code address} (4 or 16 bytes) may be reached over the internet. */
  static boolean isGloballyReachable(InetAddress address) {
    byte[] bytes = address.getAddress();
    Optional<byte[]> ipv4 = reachedIpv4(bytes);
    if (ipv4.isPresent()) {
      return isGlobalIpv4(ipv4.get());
    }
    return IPV6_GLOBAL_UNICAST.contains(bytes) && (!in(IPV6_NOT_GLOBAL, bytes) || in(IPV6_GLOBAL, bytes));
  }

  /**
   * The IPv4 address a connection to {@code bytes} reaches: the address itself (4 bytes), or the one
   * an IPv4-mapped, NAT64 or 6to4 address carries; empty for any other IPv6 address.
   */
  static Optional<byte[]> reachedIpv4(byte[] bytes) {
    if (bytes.length == 4) {
      return Optional.of(bytes);
    }
    if (isIpv4Mapped(bytes) || NAT64.contains(bytes)) {
      return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return Optional.of(Arrays.copyOfRange(bytes, 2, 6));
    }
    return Optional.empty();
  }

  private static boolean isGlobalIpv4(byte[] bytes) {
    return !in(IPV4_NOT_GLOBAL, bytes) || in(IPV4_GLOBAL, bytes);
  }

  /** {@code ::ffff:a.b.c.d}; written out, as {@link InetAddress} turns the literal into an IPv4 address. */
  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  private static boolean in(List<Block> blocks, byte[] address) {
    return blocks.stream().anyMatch(b -> b.contains(address));
  }

  private static List<Block> blocks(String... cidrs) {
    return Arrays.stream(cidrs).map(Block::of).toList();
  }

  /** An address block: the addresses whose first {@code bits} bits are those of {@code prefix}. */
  private record Block(byte[] prefix, int bits) {
    static Block of(String cidr) {
      int slash = cidr.indexOf('/');
      try {
        // A literal address: parsed, never looked up.
        return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
            Integer.parseInt(cidr.substring(slash + 1)));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an address block: " + cidr, e);
      }
    }

    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      int mask = (0xff << (8 - rest)) & 0xff;
      return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
    }
  }
}

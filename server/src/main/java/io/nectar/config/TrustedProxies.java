package io.nectar.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The load balancers and reverse proxies in front of the servers ({@code NECTAR_TRUSTED_PROXIES}), whose
 * {@code X-Forwarded-For} is believed. Behind one, every visitor arrives from the proxy's address, and
 * limits counted per address (sign-in attempts, hosted logins) would lock everyone out together; a header
 * from anyone else is ignored, or a client could name any address it likes and escape those limits.
 */
public final class TrustedProxies {
  /** Nobody's header is believed: the peer's address is the client's. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /**
   * Addresses and CIDR blocks separated by commas, e.g. {@code 10.0.0.0/8, 127.0.0.1, fd00::/8}.
   *
   * @throws IllegalArgumentException naming the entry that is not one
   */
  public static TrustedProxies parse(String raw) {
    List<Block> blocks = new ArrayList<>();
    for (String entry : raw.split(",")) {
      String trimmed = entry.trim();
      if (!trimmed.isEmpty()) {
        blocks.add(Block.parse(trimmed));
      }
    }
    return new TrustedProxies(blocks);
  }

  /**
   * The client's address: the peer's, unless the peer is a trusted proxy; then the nearest address in
   * {@code X-Forwarded-For} (read from the right, as each proxy appends) that is not a trusted proxy.
   */
  public String clientOf(String peer, String forwardedFor) {
    if (blocks.isEmpty() || forwardedFor == null || !trusts(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (literal(hop) == null) {
        return client; // garbage in the header: believe nothing further to the left
      }
      client = hop;
      if (!trusts(hop)) {
        return hop;
      }
    }
    return client;
  }

  boolean trusts(String address) {
    byte[] bytes = literal(address);
    return bytes != null && blocks.stream().anyMatch(b -> b.contains(bytes));
  }

  @Override
  public String toString() {
    return "TrustedProxies" + blocks;
  }

  /** The address's bytes, or null when it is not an IP literal (never a DNS lookup). */
  private static byte[] literal(String address) {
    if (address == null || address.length() > 64
        || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
      return null;
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private record Block(byte[] network, int prefix, String text) {
    static Block parse(String text) {
      int slash = text.indexOf('/');
      byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
      }
      int prefix = address.length * 8;
      if (slash >= 0) {
        String bits = text.substring(slash + 1);
        if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > address.length * 8) {
          throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
        }
        prefix = Integer.parseInt(bits);
      }
      return new Block(address, prefix, text);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}

package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {
  /** Owns no address here, so that what is refused is refused for its range alone. */
  private final TargetGuard strict = new TargetGuard(TargetGuard.Reach.PUBLIC_ONLY, List::of);
  private final TargetGuard open = new TargetGuard(TargetGuard.Reach.ANY_ADDRESS, List::of);

  @ParameterizedTest(name = "{0} ({1}) is refused")
  @CsvSource(delimiter = '|', value = {
      "127.0.0.1              | loopback",
      "0.0.0.0                | unspecified, reaches localhost",
      "169.254.169.254        | cloud metadata",
      "192.0.0.170            | NAT64 discovery",
      "192.0.0.8              | IPv4 dummy address",
      "239.255.255.250        | multicast (SSDP)",
      "::1                    | IPv6 loopback",
      "::                     | IPv6 unspecified",
      "::2                    | reserved by the IETF",
      "fd00:ec2::254          | cloud metadata over IPv6",
      "fec0::1                | IPv6 old site-local",
      "100::1                 | discard-only",
      "100:0:0:1::1           | dummy prefix",
      "5f00::1                | segment routing",
      "4000::1                | reserved by the IETF, beyond 2000::/3",
      "2001::1                | Teredo",
      "2001:2::1              | benchmarking",
      "2001:10::1             | ORCHID, deprecated",
      "2001:1::4              | IETF protocol assignments",
      "::ffff:127.0.0.1       | IPv4-mapped loopback",
      "::ffff:169.254.169.254 | IPv4-mapped cloud metadata",
      "::ffff:192.0.2.1       | IPv4-mapped documentation",
      "::127.0.0.1            | IPv4-compatible, deprecated",
      "::8.8.8.8              | IPv4-compatible, deprecated",
      "64:ff9b::127.0.0.1     | NAT64 to loopback",
      "64:ff9b::a9fe:a9fe     | NAT64 to cloud metadata",
      "64:ff9b::198.51.100.7  | NAT64 to documentation",
      "64:ff9b:1::8.8.8.8     | NAT64 local-use prefix",
      "2002:7f00:1::1         | 6to4 to loopback",
      "2002:cb00:7101::1      | 6to4 to documentation 203.0.113.1",
      "2002:c058:6301::1      | 6to4 to the deprecated 6to4 relay 192.88.99.1"})
  void privateLocalAndReservedAddressesAreRefused(String address, String why) throws UnknownHostException {
    InetAddress parsed = InetAddress.getByName(address);

    assertThat(strict.allowed(parsed)).as(why).isFalse();
    assertThat(open.allowed(parsed)).as("allowed when private targets are").isTrue();
  }

  /**
   * Each block of the IANA special-purpose registries that is not globally reachable, at its edges:
   * its first and last addresses are refused, the addresses just outside it ("-": none) are allowed.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "0.0.0.0/8          | 0.0.0.0        | 0.255.255.255       | -                | 1.0.0.0",
      "10.0.0.0/8         | 10.0.0.0       | 10.255.255.255      | 9.255.255.255    | 11.0.0.0",
      "100.64.0.0/10      | 100.64.0.0     | 100.127.255.255     | 100.63.255.255   | 100.128.0.0",
      "127.0.0.0/8        | 127.0.0.0      | 127.255.255.255     | 126.255.255.255  | 128.0.0.0",
      "169.254.0.0/16     | 169.254.0.0    | 169.254.255.255     | 169.253.255.255  | 169.255.0.0",
      "172.16.0.0/12      | 172.16.0.0     | 172.31.255.255      | 172.15.255.255   | 172.32.0.0",
      "192.0.0.0/24       | 192.0.0.0      | 192.0.0.255         | 191.255.255.255  | 192.0.1.0",
      "192.0.2.0/24       | 192.0.2.0      | 192.0.2.255         | 192.0.1.255      | 192.0.3.0",
      "192.88.99.0/24     | 192.88.99.0    | 192.88.99.255       | 192.88.98.255    | 192.88.100.0",
      "192.168.0.0/16     | 192.168.0.0    | 192.168.255.255     | 192.167.255.255  | 192.169.0.0",
      "198.18.0.0/15      | 198.18.0.0     | 198.19.255.255      | 198.17.255.255   | 198.20.0.0",
      "198.51.100.0/24    | 198.51.100.0   | 198.51.100.255      | 198.51.99.255    | 198.51.101.0",
      "203.0.113.0/24     | 203.0.113.0    | 203.0.113.255       | 203.0.112.255    | 203.0.114.0",
      "224.0.0.0/4 multicast, 240.0.0.0/4 reserved, broadcast | 224.0.0.0 | 255.255.255.255 | 223.255.255.255 | -",
      "2001::/23          | 2001::         | 2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff | 2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 2001:200::",
      "2001:db8::/32      | 2001:db8::     | 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff | 2001:db7:ffff:ffff:ffff:ffff:ffff:ffff | 2001:db9::",
      "3fff::/20          | 3fff::         | 3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff | 3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 3fff:1000::",
      "2002::/16 6to4, by the IPv4 address inside | 2002:: | 2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 2003::",
      "outside 2000::/3, below | 1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | ::1 | - | 2000::",
      "outside 2000::/3, above | 4000:: | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | -"})
  void everyBlockIsRefusedFromItsFirstToItsLastAddressAndNoFurther(String block, String first, String last,
      String below, String above) throws UnknownHostException {
    assertThat(strict.allowed(InetAddress.getByName(first))).as("%s, first", block).isFalse();
    assertThat(strict.allowed(InetAddress.getByName(last))).as("%s, last", block).isFalse();
    if (!below.equals("-")) {
      assertThat(strict.allowed(InetAddress.getByName(below))).as("%s, just below", block).isTrue();
    }
    if (!above.equals("-")) {
      assertThat(strict.allowed(InetAddress.getByName(above))).as("%s, just above", block).isTrue();
    }
  }

  /** The addresses the registries mark as globally reachable inside blocks that are not. */
  @ParameterizedTest(name = "{0} is allowed, {1} is not")
  @CsvSource(delimiter = '|', value = {
      "192.0.0.9                              | 192.0.0.8",
      "192.0.0.10                             | 192.0.0.11",
      "2001:1::1                              | 2001:1::",
      "2001:1::3                              | 2001:1::4",
      "2001:3::                               | 2001:2:ffff:ffff:ffff:ffff:ffff:ffff",
      "2001:3:ffff:ffff:ffff:ffff:ffff:ffff   | 2001:4::",
      "2001:4:112::                           | 2001:4:111:ffff:ffff:ffff:ffff:ffff",
      "2001:4:112:ffff:ffff:ffff:ffff:ffff    | 2001:4:113::",
      "2001:20::                              | 2001:1f:ffff:ffff:ffff:ffff:ffff:ffff",
      "2001:3f:ffff:ffff:ffff:ffff:ffff:ffff  | 2001:40::"})
  void theRegistrysExceptionsAreAllowedToTheirEdges(String allowed, String refused) throws UnknownHostException {
    assertThat(strict.allowed(InetAddress.getByName(allowed))).isTrue();
    assertThat(strict.allowed(InetAddress.getByName(refused))).isFalse();
  }

  @ParameterizedTest(name = "{0} is allowed")
  @ValueSource(strings = {
      "93.184.215.14", "8.8.8.8", "1.1.1.1", "192.31.196.1", "192.52.193.1", "192.175.48.1", "223.255.255.254",
      "2606:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001::200e", "2620:4f:8000::1",
      "::ffff:93.184.215.14", "64:ff9b::93.184.215.14", "2002:5db8:d70e::1"})
  void publicAddressesAreAllowed(String address) throws UnknownHostException {
    assertThat(strict.allowed(InetAddress.getByName(address))).isTrue();
  }

  @Test
  void anIpv4MappedAddressHeldAsIpv6IsJudgedByTheIpv4AddressInside() throws UnknownHostException {
    // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address, but an Inet6Address can still
    // hold the mapped form (from getByAddress, or a resolver that builds its own), so both must be caught.
    InetAddress loopback = Inet6Address.getByAddress(null, mapped(127, 0, 0, 1), -1);
    InetAddress documentation = Inet6Address.getByAddress(null, mapped(198, 51, 100, 255), -1);
    InetAddress google = Inet6Address.getByAddress(null, mapped(8, 8, 8, 8), -1);

    assertThat(loopback).isInstanceOf(Inet6Address.class);
    assertThat(strict.allowed(loopback)).isFalse();
    assertThat(strict.allowed(documentation)).isFalse();
    assertThat(strict.allowed(google)).isTrue();
  }

  @Test
  void theServersOwnAddressesAreRefusedHoweverTheyAreWritten() throws Exception {
    List<InetAddress> own = List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("2606:4700::1111"));
    TargetGuard guard = new TargetGuard(TargetGuard.Reach.PUBLIC_ONLY, () -> own);

    for (String address : List.of("93.184.215.14", "2606:4700::1111", "::ffff:93.184.215.14",
        "64:ff9b::93.184.215.14", "2002:5db8:d70e::1")) {
      assertThat(guard.allowed(InetAddress.getByName(address))).as(address).isFalse();
    }
    assertThat(guard.allowed(Inet6Address.getByAddress(null, mapped(93, 184, 215, 14), -1))).isFalse();
    assertThat(guard.allowed(InetAddress.getByName("93.184.215.15"))).isTrue();
    assertThat(guard.allowed(InetAddress.getByName("2606:4700::1112"))).isTrue();
    assertThatThrownBy(() -> guard.check("api.example", List.of(InetAddress.getByName("93.184.215.14"))))
        .isInstanceOf(TargetGuard.RefusedTarget.class)
        .hasMessage("api.example resolves to 93.184.215.14, this server's own address; "
            + "set NECTAR_ALLOW_PRIVATE_TARGETS=true to allow it");
    assertThat(new TargetGuard(TargetGuard.Reach.ANY_ADDRESS, () -> own).allowed(own.get(0))).isTrue();
  }

  @Test
  void whenTheServersOwnAddressesCannotBeListedNoPublicAddressIsAllowed() {
    TargetGuard guard = new TargetGuard(TargetGuard.Reach.PUBLIC_ONLY, () -> {
      throw new UncheckedIOException("could not list the network interfaces", new SocketException("no access"));
    });

    assertThatThrownBy(() -> guard.check("8.8.8.8", List.of(InetAddress.getByName("8.8.8.8"))))
        .isInstanceOf(TargetGuard.RefusedTarget.class)
        .hasMessageStartingWith("8.8.8.8 is an address that could not be compared with this server's own");
  }

  @Test
  void everyAddressOfThisMachinesInterfacesIsItsOwn() throws SocketException {
    List<InetAddress> found = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> Collections.list(i.getInetAddresses()).stream()).toList();
    TargetGuard production = new TargetGuard(TargetGuard.Reach.PUBLIC_ONLY);

    assertThat(found).isNotEmpty();
    assertThat(TargetGuard.interfaceAddresses()).containsExactlyInAnyOrderElementsOf(found);
    assertThat(found).allSatisfy(a -> assertThat(production.allowed(a)).as(a.toString()).isFalse());
  }

  @Test
  void aHostNameResolvingToLoopbackIsRefusedWithAHintAtTheSetting() {
    assertThatThrownBy(() -> resolve(strict, "localhost"))
        .isInstanceOf(TargetGuard.RefusedTarget.class)
        .hasMessageStartingWith("localhost resolves to ")
        .hasMessageContaining(", a private or reserved address;")
        .hasMessageEndingWith("; set NECTAR_ALLOW_PRIVATE_TARGETS=true to allow it");
  }

  @Test
  void aLiteralPrivateAddressIsRefused() {
    assertThatThrownBy(() -> resolve(strict, "127.0.0.1"))
        .isInstanceOf(TargetGuard.RefusedTarget.class)
        .hasMessage("127.0.0.1 is a private or reserved address; set NECTAR_ALLOW_PRIVATE_TARGETS=true to allow it");
    assertThatThrownBy(() -> resolve(strict, "169.254.169.254"))
        .isInstanceOf(TargetGuard.RefusedTarget.class);
    assertThatThrownBy(() -> resolve(strict, "[fd00:ec2::254]"))
        .isInstanceOf(TargetGuard.RefusedTarget.class)
        .hasMessageStartingWith("[fd00:ec2::254] is a private or reserved address;");
  }

  @Test
  void resolvingReturnsEveryAddressWhenAllAreAllowed() throws Exception {
    assertThat(resolve(strict, "93.184.215.14")).containsExactly(InetAddress.getByName("93.184.215.14"));
    assertThat(resolve(open, "localhost")).isNotEmpty().allSatisfy(a -> assertThat(a.isLoopbackAddress()).isTrue());
  }

  @Test
  void oneDisallowedAddressAmongAllowedOnesRefusesTheHost() throws UnknownHostException {
    var addresses = List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7"));

    assertThatThrownBy(() -> strict.check("mixed.example", addresses))
        .isInstanceOf(TargetGuard.RefusedTarget.class)
        .hasMessageStartingWith("mixed.example resolves to 10.0.0.7, a private or reserved address;");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://example.com/webhooks",
      "http://example.com:8080/hooks?source=nectar&x=1",
      "HTTPS://Example.COM/path",
      "https://93.184.215.14/hook",
      "https://[2606:4700::1111]:8443/hook",
      "http://localhost:3000/hook"})   // private targets are refused at delivery, where addresses are known
  void acceptableUrlsHaveNoProblem(String url) {
    assertThat(TargetGuard.urlProblem(url)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "example.com/hook                  | The URL must be absolute, starting with https:// or http://.",
      "/hook                             | The URL must be absolute, starting with https:// or http://.",
      "ftp://example.com/hook            | The URL must use https or http, not ftp.",
      "file:///etc/passwd                | The URL must use https or http, not file.",
      "javascript:alert(1)               | The URL must use https or http, not javascript.",
      "https://user:secret@example.com/  | The URL must not contain a user name or password.",
      "https://user@example.com/         | The URL must not contain a user name or password.",
      "https:///hook                     | The URL must name a host (letters, digits, '-' and '.', or an IP address).",
      "http:example.com                  | The URL must name a host (letters, digits, '-' and '.', or an IP address).",
      "https://example.com:0/            | The URL's port must be between 1 and 65535.",
      "https://example.com:70000/        | The URL's port must be between 1 and 65535.",
      "https://example.com/hook#section  | The URL must not contain a fragment (the part after '#')."})
  void unacceptableUrlsAreExplained(String url, String problem) {
    assertThat(TargetGuard.urlProblem(url)).contains(problem);
  }

  @Test
  void aUrlThatDoesNotParseIsExplained() {
    assertThat(TargetGuard.urlProblem("https://exa mple.com/")).hasValueSatisfying(
        problem -> assertThat(problem).startsWith("The URL is not valid: "));
  }

  @Test
  void aUrlOver2000CharactersIsRefused() {
    String base = "https://example.com/";
    String longest = base + "a".repeat(2_000 - base.length());

    assertThat(TargetGuard.urlProblem(longest)).isEmpty();
    assertThat(TargetGuard.urlProblem(longest + "a")).contains("The URL must be at most 2,000 characters.");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void aMissingUrlIsExplained(String url) {
    assertThat(TargetGuard.urlProblem(url)).isEqualTo(Optional.of("The URL is required."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com:1/hook", "https://example.com:65535/hook"})
  void theFirstAndTheLastPortAreAcceptable(String url) {
    assertThat(TargetGuard.urlProblem(url)).isEmpty();
    assertThat(TargetGuard.urlProblem(url.replace(":1/", ":0/").replace(":65535/", ":65536/")))
        .contains("The URL's port must be between 1 and 65535.");
  }

  @Test
  void onlyTheExactIpv4MappedPrefixIsJudgedByTheIpv4AddressInside() throws UnknownHostException {
    // ::ff:8.8.8.8 and ::ff00:8.8.8.8 look like ::ffff:8.8.8.8 but are not IPv4-mapped: they are IPv6
    // addresses outside 2000::/3, reserved, and must not pass as the public 8.8.8.8.
    for (byte[] almost : List.of(
        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, 8, 8, 8, 8},
        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, 0, 8, 8, 8, 8},
        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8})) {
      InetAddress address = Inet6Address.getByAddress(null, almost, -1);
      assertThat(strict.allowed(address)).as(address.getHostAddress()).isFalse();
    }
    assertThat(strict.allowed(Inet6Address.getByAddress(null, mapped(8, 8, 8, 8), -1))).isTrue();
  }

  private static byte[] mapped(int a, int b, int c, int d) {
    return new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) a, (byte) b, (byte) c, (byte) d};
  }

  /** Resolves as the transport does (every address of the name) and checks the result. */
  private static List<InetAddress> resolve(TargetGuard guard, String host) throws Exception {
    List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
    guard.check(host, addresses);
    return addresses;
  }
}

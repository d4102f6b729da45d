package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {
  private final TargetGuard strict = new TargetGuard(false);
  private final TargetGuard open = new TargetGuard(true);

  @ParameterizedTest(name = "{0} ({1}) is refused")
  @CsvSource(delimiter = '|', value = {
      "127.0.0.1              | loopback",
      "127.255.255.254        | loopback, the whole /8",
      "0.0.0.0                | unspecified, reaches localhost",
      "0.1.2.3                | 0/8 this network",
      "10.0.0.1               | private 10/8",
      "10.255.255.255         | private 10/8",
      "172.16.0.1             | private 172.16/12",
      "172.31.255.255         | private 172.16/12",
      "192.168.1.1            | private 192.168/16",
      "169.254.169.254        | cloud metadata",
      "169.254.0.1            | link-local",
      "100.64.0.1             | carrier-grade NAT",
      "100.127.255.255        | carrier-grade NAT",
      "192.0.0.170            | IETF protocol assignments",
      "198.18.0.1             | benchmarking",
      "224.0.0.1              | multicast",
      "239.255.255.250        | multicast (SSDP)",
      "240.0.0.1              | reserved",
      "255.255.255.255        | broadcast",
      "::1                    | IPv6 loopback",
      "::                     | IPv6 unspecified",
      "fe80::1                | IPv6 link-local",
      "febf:ffff::1           | IPv6 link-local, end of fe80::/10",
      "fec0::1                | IPv6 old site-local",
      "fc00::1                | unique local fc00::/7",
      "fd12:3456:789a::1      | unique local fc00::/7",
      "fd00:ec2::254          | cloud metadata over IPv6",
      "ff02::1                | IPv6 multicast",
      "::ffff:127.0.0.1       | IPv4-mapped loopback",
      "::ffff:10.0.0.1        | IPv4-mapped private",
      "::ffff:169.254.169.254 | IPv4-mapped cloud metadata",
      "::127.0.0.1            | IPv4-compatible loopback",
      "::10.1.2.3             | IPv4-compatible private",
      "64:ff9b::127.0.0.1     | NAT64 to loopback",
      "64:ff9b::a9fe:a9fe     | NAT64 to cloud metadata",
      "64:ff9b::192.168.0.1   | NAT64 to private",
      "64:ff9b:1::1           | NAT64 local-use prefix",
      "2002:7f00:1::1         | 6to4 to loopback",
      "2002:a9fe:a9fe::1      | 6to4 to cloud metadata"})
  void privateAndLocalAddressesAreRefused(String address, String why) throws UnknownHostException {
    InetAddress parsed = InetAddress.getByName(address);

    assertThat(strict.allowed(parsed)).as(why).isFalse();
    assertThat(open.allowed(parsed)).as("allowed when private targets are").isTrue();
  }

  @ParameterizedTest(name = "{0} is allowed")
  @ValueSource(strings = {
      "93.184.215.14", "8.8.8.8", "1.1.1.1", "11.0.0.1", "172.15.255.255", "172.32.0.1",
      "100.63.255.255", "100.128.0.1", "169.253.255.255", "192.169.0.1", "198.20.0.1", "223.255.255.254",
      "2606:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001::200e",
      "::ffff:93.184.215.14", "64:ff9b::93.184.215.14", "2002:5db8:d70e::1"})
  void publicAddressesAreAllowed(String address) throws UnknownHostException {
    assertThat(strict.allowed(InetAddress.getByName(address))).isTrue();
  }

  @Test
  void anIpv4MappedAddressHeldAsIpv6IsJudgedByTheIpv4AddressInside() throws UnknownHostException {
    // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address, but an Inet6Address can still
    // hold the mapped form (from getByAddress, or a resolver that builds its own), so both must be caught.
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
    InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

    assertThat(address).isInstanceOf(Inet6Address.class);
    assertThat(strict.allowed(address)).isFalse();
  }

  @Test
  void aHostNameResolvingToLoopbackIsRefusedWithAHintAtTheSetting() {
    assertThatThrownBy(() -> resolve(strict, "localhost"))
        .isInstanceOf(TargetGuard.RefusedTarget.class)
        .hasMessageStartingWith("localhost resolves to a private address ")
        .hasMessageEndingWith("; set NECTAR_ALLOW_PRIVATE_TARGETS=true to allow it");
  }

  @Test
  void aLiteralPrivateAddressIsRefused() {
    assertThatThrownBy(() -> resolve(strict, "127.0.0.1"))
        .isInstanceOf(TargetGuard.RefusedTarget.class)
        .hasMessage("127.0.0.1 is a private address; set NECTAR_ALLOW_PRIVATE_TARGETS=true to allow it");
    assertThatThrownBy(() -> resolve(strict, "169.254.169.254"))
        .isInstanceOf(TargetGuard.RefusedTarget.class);
    assertThatThrownBy(() -> resolve(strict, "[fd00:ec2::254]"))
        .isInstanceOf(TargetGuard.RefusedTarget.class)
        .hasMessageStartingWith("[fd00:ec2::254] is a private address;");
  }

  @Test
  void resolvingReturnsEveryAddressWhenAllAreAllowed() throws Exception {
    assertThat(resolve(strict, "93.184.215.14")).containsExactly(InetAddress.getByName("93.184.215.14"));
    assertThat(resolve(open, "localhost")).isNotEmpty().allSatisfy(a -> assertThat(a.isLoopbackAddress()).isTrue());
  }

  @Test
  void oneDisallowedAddressAmongAllowedOnesRefusesTheHost() throws UnknownHostException {
    var addresses = java.util.List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7"));

    assertThatThrownBy(() -> strict.check("mixed.example", addresses))
        .isInstanceOf(TargetGuard.RefusedTarget.class)
        .hasMessageStartingWith("mixed.example resolves to a private address 10.0.0.7;");
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

  /** Resolves as the transport does (every address of the name) and checks the result. */
  private static List<InetAddress> resolve(TargetGuard guard, String host) throws Exception {
    List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
    guard.check(host, addresses);
    return addresses;
  }
}

package io.nectar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.1, fd00::/8");

  @Test
  void aPeerThatIsNoTrustedProxyIsTheClientWhateverItsHeaderSays() {
    assertThat(proxies.clientOf("203.0.113.9", "1.2.3.4")).isEqualTo("203.0.113.9");
    assertThat(TrustedProxies.NONE.clientOf("10.1.1.1", "1.2.3.4")).isEqualTo("10.1.1.1");
  }

  @Test
  void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
    assertThat(proxies.clientOf("10.0.0.5", "203.0.113.9")).isEqualTo("203.0.113.9");
    // The left part is whatever the client sent; only hops added by trusted proxies are believed.
    assertThat(proxies.clientOf("10.0.0.5", "6.6.6.6, 203.0.113.9, 192.168.1.1")).isEqualTo("203.0.113.9");
    assertThat(proxies.clientOf("fd12::1", "2001:db8::7")).isEqualTo("2001:db8::7");
    assertThat(proxies.clientOf("10.0.0.5", null)).isEqualTo("10.0.0.5");
  }

  @Test
  void garbageInTheHeaderStopsTheWalk() {
    assertThat(proxies.clientOf("10.0.0.5", "203.0.113.9, evil.example")).isEqualTo("10.0.0.5");
    assertThat(proxies.clientOf("10.0.0.5", "not-an-address")).isEqualTo("10.0.0.5");
  }

  @Test
  void blocksMatchByPrefix() {
    assertThat(proxies.trusts("10.255.255.255")).isTrue();
    assertThat(proxies.trusts("11.0.0.1")).isFalse();
    assertThat(proxies.trusts("192.168.1.2")).isFalse();
    assertThat(proxies.trusts("fdff::1")).isTrue();
    assertThat(proxies.trusts("fe00::1")).isFalse();
    assertThat(TrustedProxies.parse("0.0.0.0/0").trusts("8.8.8.8")).isTrue();
  }

  @Test
  void entriesThatAreNoAddressesAreRefusedNamingThem() {
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.internal"))
        .hasMessageContaining("'proxy.internal' is not an IP address or CIDR block");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("invalid prefix length");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0/8")).hasMessageContaining("is not an IP address");
  }
}

package io.nectar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookTransportTest {
  private static final byte[] BODY =
      "{\"eventType\":\"document.created.v2\",\"id\":\"doc_1\"}".getBytes(StandardCharsets.UTF_8);
  private static final Map<String, String> JSON = Map.of("content-type", "application/json");

  @StartStop
  private final MockWebServer receiver = new MockWebServer();

  private final List<WebhookTransport> transports = new ArrayList<>();

  @AfterEach
  void closeTransports() {
    transports.forEach(WebhookTransport::close);
  }

  @Test
  void a200IsASuccessWithStatusDurationAndExcerpt() throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(200).body("thanks").build());

    DeliveryResult result = post(transport(), url());

    assertThat(result.succeeded()).isTrue();
    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.responseExcerpt()).isEqualTo("thanks");
    assertThat(result.durationMillis()).isNotNegative();
    assertThat(result.error()).isNull();
  }

  @Test
  void a500IsAFailureThatKeepsTheReceiversExplanation() throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(500).body("database is down").build());

    DeliveryResult result = post(transport(), url());

    assertThat(result.succeeded()).isFalse();
    assertThat(result.statusCode()).isEqualTo(500);
    assertThat(result.responseExcerpt()).isEqualTo("database is down");
    assertThat(result.error()).isNull();
  }

  @Test
  void aLargeResponseBodyIsCutToTheLimitAndTheTransportCarriesOn() throws Exception {
    WebhookTransport transport = transport(Duration.ofSeconds(10), 16);
    receiver.enqueue(new MockResponse.Builder().code(200).body("0123456789abcdef" + "x".repeat(200_000)).build());
    receiver.enqueue(new MockResponse.Builder().code(204).build());

    DeliveryResult large = post(transport, url());
    DeliveryResult next = post(transport, url());

    assertThat(large.succeeded()).isTrue();
    assertThat(large.responseExcerpt()).isEqualTo("0123456789abcdef");
    assertThat(next.statusCode()).isEqualTo(204);
    assertThat(next.responseExcerpt()).isEmpty();
  }

  @Test
  void aSlowReceiverTimesOutAsAnErrorResultNotAnException() throws Exception {
    WebhookTransport transport = transport(Duration.ofMillis(300), 4096);
    receiver.enqueue(new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS).build());

    CompletableFuture<DeliveryResult> pending = transport.post(url(), JSON, BODY);
    DeliveryResult result = pending.get(4, TimeUnit.SECONDS);

    assertThat(pending).isCompletedWithValue(result);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.statusCode()).isNull();
    assertThat(result.error()).contains("timed out");
  }

  @Test
  void aSlowBodyAfterA200KeepsTheStatusAndSaysTheBodyDidNotFinish() throws Exception {
    WebhookTransport transport = transport(Duration.ofMillis(300), 4096);
    receiver.enqueue(new MockResponse.Builder().code(200).body("late").bodyDelay(5, TimeUnit.SECONDS).build());

    DeliveryResult result = post(transport, url());

    // The receiver answered 2xx: it has the message, so the attempt counts even though the body stalled.
    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.error()).contains("timed out");
  }

  @Test
  void aRefusedConnectionIsAnErrorResult() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    DeliveryResult result = post(transport(), "http://127.0.0.1:" + closedPort + "/hook");

    assertThat(result.succeeded()).isFalse();
    assertThat(result.statusCode()).isNull();
    assertThat(result.error()).startsWith("could not connect");
  }

  @Test
  void aRedirectIsAFailureAndIsNotFollowed() throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(302).setHeader("Location", url() + "elsewhere").build());
    receiver.enqueue(new MockResponse.Builder().code(200).build());

    DeliveryResult result = post(transport(), url());

    assertThat(result.statusCode()).isEqualTo(302);
    assertThat(result.succeeded()).isFalse();
    assertThat(receiver.getRequestCount()).isEqualTo(1);
  }

  @Test
  void localTargetsAreRefusedBeforeAnyRequestIsSent() throws Exception {
    WebhookTransport transport = new WebhookTransport(new TargetGuard(TargetGuard.Reach.PUBLIC_ONLY),
        Duration.ofSeconds(5), 4096);
    transports.add(transport);
    int port = receiver.getPort();

    DeliveryResult byName = post(transport, "http://localhost:" + port + "/hook");
    DeliveryResult byAddress = post(transport, "http://127.0.0.1:" + port + "/hook");
    DeliveryResult byIpv6Address = post(transport, "http://[::1]:" + port + "/hook");
    DeliveryResult byMappedAddress = post(transport, "http://[::ffff:127.0.0.1]:" + port + "/hook");

    assertThat(byName.error()).startsWith("localhost resolves to ").contains(", a private or reserved address;")
        .endsWith("; set NECTAR_ALLOW_PRIVATE_TARGETS=true to allow it");
    assertThat(byAddress.error())
        .isEqualTo("127.0.0.1 is a private or reserved address; set NECTAR_ALLOW_PRIVATE_TARGETS=true to allow it");
    assertThat(byIpv6Address.error()).startsWith("[::1] is a private or reserved address;");
    assertThat(byMappedAddress.error()).startsWith("[::ffff:127.0.0.1] is a private or reserved address;");
    assertThat(List.of(byName, byAddress, byIpv6Address, byMappedAddress))
        .allSatisfy(result -> assertThat(result.statusCode()).isNull());
    assertThat(receiver.getRequestCount()).isZero();
  }

  @Test
  void theReceiverSeesTheExactBodyAndSignedHeaders() throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(200).build());
    String secret = WebhookSigner.newSecret();
    Instant now = Instant.now();
    // Spaces, non-ASCII text and escapes: any re-encoding on the way would break the signature.
    byte[] body = "{\"eventType\": \"document.updated.v2\", \"name\": \"Fővárosi Gázművek\", \"note\": \"a\\nb\"}"
        .getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = WebhookSigner.headers(List.of(secret), "msg_2f1c", now.getEpochSecond(), body);

    DeliveryResult result = transport().post(url() + "hook?x=1", headers, body).get(10, TimeUnit.SECONDS);
    RecordedRequest request = receiver.takeRequest(5, TimeUnit.SECONDS);

    assertThat(result.succeeded()).isTrue();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/hook?x=1");
    assertThat(request.getBody().toByteArray()).isEqualTo(body);
    headers.forEach((name, value) -> assertThat(request.getHeaders().values(name)).as(name).containsExactly(value));
    assertThat(request.getHeaders().get("user-agent")).isEqualTo("Nectar-Webhooks/1.0");
    Map<String, String> received = new HashMap<>();
    request.getHeaders().forEach(pair -> received.put(pair.getFirst(), pair.getSecond()));
    assertThatCode(() -> StandardWebhooksVerifier.verify(secret, received, request.getBody().toByteArray(), now))
        .doesNotThrowAnyException();
  }

  @Test
  void aHundredConcurrentPostsAllComplete() throws Exception {
    receiver.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).body("ok").build();
      }
    });
    WebhookTransport transport = transport();
    // The pool may open a connection or two more than the queue ends up needing; the receiver's
    // "didn't make a request" warnings about those say nothing here.
    Logger receiverLog = Logger.getLogger(MockWebServer.class.getName());
    Level level = receiverLog.getLevel();
    receiverLog.setLevel(Level.SEVERE);

    List<CompletableFuture<DeliveryResult>> pending = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      pending.add(transport.post(url() + "hook/" + i, JSON, BODY));
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      receiverLog.setLevel(level);
    }

    assertThat(pending).allSatisfy(result -> assertThat(result.join().statusCode()).isEqualTo(200));
    assertThat(receiver.getRequestCount()).isEqualTo(100);
  }

  @Test
  void aUrlTheTransportCannotUseIsAnErrorResult() throws Exception {
    WebhookTransport transport = transport();

    assertThat(post(transport, "ftp://example.com/hook").error()).isEqualTo("The URL must use https or http, not ftp.");
    assertThat(post(transport, "not a url").error()).startsWith("The URL is not valid");
  }

  @Test
  void postingAfterCloseIsAnErrorResultNotAnException() throws Exception {
    WebhookTransport transport = new WebhookTransport(anyAddress(), Duration.ofSeconds(5), 4096);
    transport.close();

    DeliveryResult result = post(transport, url());

    assertThat(result.succeeded()).isFalse();
    assertThat(result.error()).isEqualTo("the webhook transport is closed");
  }

  @Test
  void anHttpsReceiverWhoseCertificateIsTrustedAndNamesTheHostIsReached() throws Exception {
    HeldCertificate localhost = certificate("localhost");
    receiver.useHttps(serving(localhost).sslSocketFactory());
    receiver.enqueue(new MockResponse.Builder().code(200).body("over tls").build());

    DeliveryResult result = post(trusting(localhost), "https://localhost:" + receiver.getPort() + "/hook");

    assertThat(result.error()).isNull();
    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.responseExcerpt()).isEqualTo("over tls");
    assertThat(receiver.takeRequest(5, TimeUnit.SECONDS).getBody().toByteArray()).isEqualTo(BODY);
  }

  @Test
  void anHttpsReceiverWithAnUntrustedCertificateIsNotSentTheBody() throws Exception {
    receiver.useHttps(serving(certificate("localhost")).sslSocketFactory());
    receiver.enqueue(new MockResponse.Builder().code(200).build());

    DeliveryResult result = post(transport(), "https://localhost:" + receiver.getPort() + "/hook");

    assertThat(result.succeeded()).isFalse();
    assertThat(result.statusCode()).isNull();
    assertThat(result.error()).startsWith("TLS failed").contains("certification path");
    assertThat(receiver.getRequestCount()).isZero();
  }

  @Test
  void anHttpsReceiverWhoseCertificateNamesAnotherHostIsNotSentTheBody() throws Exception {
    HeldCertificate elsewhere = certificate("receiver.example.com");
    receiver.useHttps(serving(elsewhere).sslSocketFactory());
    receiver.enqueue(new MockResponse.Builder().code(200).build());

    DeliveryResult result = post(trusting(elsewhere), "https://localhost:" + receiver.getPort() + "/hook");

    assertThat(result.succeeded()).isFalse();
    assertThat(result.error()).startsWith("TLS failed").contains("matching localhost");
    assertThat(receiver.getRequestCount()).isZero();
  }

  private static HeldCertificate certificate(String host) {
    return new HeldCertificate.Builder().commonName(host).addSubjectAlternativeName(host).build();
  }

  private static HandshakeCertificates serving(HeldCertificate certificate) {
    return new HandshakeCertificates.Builder().heldCertificate(certificate).build();
  }

  /** A transport that trusts {@code certificate} alone and, as in production, checks it names the host. */
  private WebhookTransport trusting(HeldCertificate certificate) {
    SslContextFactory.Client tls = new SslContextFactory.Client();
    tls.setSslContext(new HandshakeCertificates.Builder().addTrustedCertificate(certificate.certificate()).build()
        .sslContext());
    WebhookTransport transport = new WebhookTransport(anyAddress(), Duration.ofSeconds(10), 4096, tls);
    transports.add(transport);
    return transport;
  }

  /** Private targets allowed: the receiver listens on loopback. */
  private static TargetGuard anyAddress() {
    return new TargetGuard(TargetGuard.Reach.ANY_ADDRESS);
  }

  private WebhookTransport transport() {
    return transport(Duration.ofSeconds(10), 4096);
  }

  /** Private targets allowed: the receiver listens on loopback. */
  private WebhookTransport transport(Duration timeout, int maxResponseBytes) {
    WebhookTransport transport = new WebhookTransport(anyAddress(), timeout, maxResponseBytes);
    transports.add(transport);
    return transport;
  }

  private String url() {
    return "http://127.0.0.1:" + receiver.getPort() + "/";
  }

  private static DeliveryResult post(WebhookTransport transport, String url) throws Exception {
    return transport.post(url, JSON, BODY).get(20, TimeUnit.SECONDS);
  }
}

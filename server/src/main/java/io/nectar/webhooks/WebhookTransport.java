package io.nectar.webhooks;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Sends webhook requests: one POST per attempt, asynchronously, over pooled keep-alive connections.
 *
 * <p>Jetty's client rather than {@code java.net.http} because it lets a resolver sit between the name
 * lookup and the connect: every address a host resolves to is checked by the {@link TargetGuard}, and
 * the connection goes to exactly the checked address. A client that resolves again on its own would
 * leave a window in which a name could be re-pointed at a private address after the check (DNS
 * rebinding). TLS still uses the host name for SNI and for checking the certificate.
 *
 * <p>Redirects are not followed: the target would escape the check, and the Standard Webhooks
 * guidance counts a 3xx as a failure. Cookies are neither kept nor sent, so one receiver cannot plant
 * state that reaches another. Only the start of a response body is read; the rest is dropped by
 * closing the connection, so a receiver cannot make the server buffer or wait for an endless body.
 *
 * <p>Results complete on the transport's own threads: keep dependent stages short, or use the
 * {@code *Async} variants of {@link CompletableFuture} for work that blocks.
 */
public final class WebhookTransport implements AutoCloseable {
  static final String USER_AGENT = "Nectar-Webhooks/1.0";
  /** How long a pooled connection may sit unused; receivers usually keep theirs open for less. */
  private static final long POOLED_IDLE_MILLIS = 30_000;
  /** Enough for the delivery worker's few dozen in-flight requests to one receiver. */
  private static final int CONNECTIONS_PER_RECEIVER = 64;
  private static final int QUEUED_PER_RECEIVER = 4_096;
  private static final int MAX_THREADS = 64;
  private static final int MAX_ERROR_LENGTH = 300;

  private final HttpClient client;
  private final long timeoutMillis;
  private final int maxResponseBytes;

  /**
   * Starts the transport's connection pool and threads; {@link #close} stops them.
   *
   * @param guard decides which addresses requests may reach
   * @param timeout the whole of one attempt, from the name lookup to the last response byte read
   * @param maxResponseBytes how much of a response body to keep as its excerpt
   */
  public WebhookTransport(TargetGuard guard, Duration timeout, int maxResponseBytes) {
    // The JVM's trusted certificate authorities, and the certificate must name the host (HTTPS).
    this(guard, timeout, maxResponseBytes, new SslContextFactory.Client());
  }

  /** As the public constructor, with the TLS trust chosen (tests trust their own authority). */
  WebhookTransport(TargetGuard guard, Duration timeout, int maxResponseBytes, SslContextFactory.Client tls) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("The webhook timeout must be positive.");
    }
    if (maxResponseBytes < 0) {
      throw new IllegalArgumentException("The response excerpt limit must not be negative.");
    }
    this.timeoutMillis = timeout.toMillis();
    this.maxResponseBytes = maxResponseBytes;

    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
    threads.setName("webhook-transport");
    // Daemon threads: a transport left open must not keep the process alive at shutdown.
    threads.setDaemon(true);
    ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("webhook-transport-timer", true);

    ClientConnector connector = new ClientConnector();
    connector.setSslContextFactory(tls);
    client = new HttpClient(new HttpClientTransportOverHTTP(connector));
    client.setName("webhook-transport");
    client.setExecutor(threads);
    client.setScheduler(scheduler);
    client.setSocketAddressResolver(
        new GuardedResolver(new SocketAddressResolver.Async(threads, scheduler, timeoutMillis), guard));
    client.setFollowRedirects(false);
    client.setRedirectCache(null);
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
    client.setConnectTimeout(timeoutMillis);
    client.setIdleTimeout(POOLED_IDLE_MILLIS);
    client.setMaxConnectionsPerDestination(CONNECTIONS_PER_RECEIVER);
    client.setMaxRequestsQueuedPerDestination(QUEUED_PER_RECEIVER);
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the webhook HTTP client", e);
    }
  }

  /**
   * POSTs {@code body} to {@code url} with {@code headers}. The returned future always completes
   * normally: a timeout, a refused connection or a refused target becomes a result with an
   * {@link DeliveryResult#error}. Does not block the calling thread, not even on the name lookup.
   */
  public CompletableFuture<DeliveryResult> post(String url, Map<String, String> headers, byte[] body) {
    Attempt attempt = new Attempt();
    try {
      if (!client.isRunning()) {
        attempt.fail("the webhook transport is closed");
        return attempt.result;
      }
      String problem = TargetGuard.urlProblem(url).orElse(null);
      if (problem != null) {
        attempt.fail(problem);
        return attempt.result;
      }
      String contentType = headers.getOrDefault("content-type", "application/json");
      Request request = client.newRequest(URI.create(url))
          .method(HttpMethod.POST)
          .followRedirects(false)
          .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
          // While waiting for the response the whole timeout applies, not the pool's idle timeout.
          .idleTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
          .headers(fields -> headers.forEach(fields::put))
          .body(new BytesRequestContent(contentType, body));
      request.send(attempt);
    } catch (RuntimeException e) {
      attempt.fail(describe(e));
    }
    return attempt.result;
  }

  /** Stops the connection pool and threads; requests still in flight fail with an error result. */
  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the webhook HTTP client", e);
    }
  }

  /** One attempt's response listener: keeps the status and the start of the body. */
  private final class Attempt implements Response.Listener {
    final CompletableFuture<DeliveryResult> result = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    private final ByteArrayOutputStream excerpt = new ByteArrayOutputStream();
    private volatile boolean excerptFull;

    @Override
    public void onContent(Response response, ByteBuffer content) {
      int room = maxResponseBytes - excerpt.size();
      int take = Math.min(room, content.remaining());
      byte[] bytes = new byte[take];
      content.get(bytes);
      excerpt.write(bytes, 0, take);
      if (content.hasRemaining()) {
        excerptFull = true;
        response.abort(new ExcerptFull());
      }
    }

    @Override
    public void onComplete(Result outcome) {
      Response response = outcome.getResponse();
      int status = response == null ? 0 : response.getStatus();
      Throwable failure = outcome.getFailure();
      if (status > 0 && (failure == null || excerptFull)) {
        result.complete(DeliveryResult.response(status, elapsedMillis(), excerptText()));
      } else if (status > 0) {
        // The status line and headers arrived, the body did not finish: the receiver has answered.
        result.complete(new DeliveryResult(status, elapsedMillis(), excerptText(),
            "the response body did not finish: " + describe(failure)));
      } else {
        fail(failure == null ? "no response" : describe(failure));
      }
    }

    void fail(String error) {
      result.complete(DeliveryResult.failure(elapsedMillis(), error));
    }

    private String excerptText() {
      // Lossy on purpose: a cut multi-byte character or a binary body still shows as text.
      return excerpt.toString(StandardCharsets.UTF_8);
    }

    private long elapsedMillis() {
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
  }

  /** A short sentence for the delivery log, from the innermost cause that says something useful. */
  private String describe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TargetGuard.RefusedTarget) {
        return clip(cause.getMessage());
      }
      if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
        return "timed out after " + timeoutMillis + " ms";
      }
      if (cause instanceof UnknownHostException) {
        return clip("unknown host " + cause.getMessage());
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
        return clip("could not connect: " + cause.getMessage());
      }
      if (cause instanceof SSLException) {
        return clip("TLS failed: " + cause.getMessage());
      }
    }
    String message = failure.getMessage();
    return clip(failure.getClass().getSimpleName() + (message == null ? "" : ": " + message));
  }

  private static String clip(String text) {
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }

  /** Marks a response cut short because its excerpt is full; not a failure of the attempt. */
  private static final class ExcerptFull extends Exception {
    private static final long serialVersionUID = 1L;

    ExcerptFull() {
      super("response excerpt full", null, false, false);
    }
  }
}

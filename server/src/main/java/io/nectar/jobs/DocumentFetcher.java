package io.nectar.jobs;

import io.nectar.webhooks.GuardedResolver;
import io.nectar.webhooks.TargetGuard;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Fetches the files of a bulk job from the https URLs a caller named, under the same address rules
 * as webhooks ({@link TargetGuard}): every address a host resolves to is checked and the connection
 * goes to exactly that address, so a name cannot be re-pointed at the server's own network between
 * check and connect. Redirects are followed here, one hop at a time, each new URL checked again
 * (https only) and its host resolved through the guard again. The body is read up to the size
 * limit and the whole fetch, redirects included, within the time limit.
 */
final class DocumentFetcher implements AutoCloseable {
  static final int MAX_REDIRECTS = 5;
  private static final String USER_AGENT = "Nectar-Uploads/1.0";

  private final HttpClient client;
  private final long maxBytes;
  private final Duration timeout;

  /** A fetch that did not give a file; the message is for the job's per-file reason. */
  static final class FetchFailed extends Exception {
    private static final long serialVersionUID = 1L;

    FetchFailed(String message) {
      super(message);
    }
  }

  /**
   * @param tls the authorities to trust, or null for the JVM's own (tests trust their own authority)
   */
  DocumentFetcher(TargetGuard guard, long maxBytes, Duration timeout, SSLContext tls) {
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    SslContextFactory.Client ssl = new SslContextFactory.Client();
    if (tls != null) {
      ssl.setSslContext(tls);
    }
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("upload-fetch");
    threads.setDaemon(true);
    ClientConnector connector = new ClientConnector();
    connector.setSslContextFactory(ssl);
    client = new HttpClient(new HttpClientTransportOverHTTP(connector));
    client.setExecutor(threads);
    client.setSocketAddressResolver(new GuardedResolver(new SocketAddressResolver.Sync(), guard));
    client.setFollowRedirects(false);
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
    client.setConnectTimeout(timeout.toMillis());
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the upload fetch client", e);
    }
  }

  /** A problem with {@code url} as a bulk document, as a sentence, or empty when it may be fetched. */
  static Optional<String> urlProblem(String url) {
    Optional<String> problem = TargetGuard.urlProblem(url);
    if (problem.isPresent()) {
      return problem;
    }
    return URI.create(url).getScheme().toLowerCase(Locale.ROOT).equals("https") ? Optional.empty()
        : Optional.of("The URL must use https.");
  }

  /** The body of {@code url}, following redirects; throws with the reason when there is no file. */
  byte[] fetch(String url) throws FetchFailed {
    long deadline = System.nanoTime() + timeout.toNanos();
    String current = url;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      Optional<String> problem = urlProblem(current);
      if (problem.isPresent()) {
        throw new FetchFailed((hop == 0 ? "" : "redirected to " + current + ": ") + problem.get());
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new FetchFailed("the download took longer than " + timeout.toSeconds() + " s");
      }
      InputStreamResponseListener listener = new InputStreamResponseListener();
      Request request = client.newRequest(URI.create(current)).followRedirects(false)
          .timeout(left, TimeUnit.MILLISECONDS).idleTimeout(left, TimeUnit.MILLISECONDS);
      request.send(listener);
      Response response;
      try {
        response = listener.get(left, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        request.abort(e);
        throw new FetchFailed("the server did not answer within " + timeout.toSeconds() + " s");
      } catch (ExecutionException e) {
        throw new FetchFailed(describe(e.getCause()));
      } catch (InterruptedException e) {
        request.abort(e);
        Thread.currentThread().interrupt();
        throw new FetchFailed("the server stopped while downloading");
      }
      int status = response.getStatus();
      if (status >= 300 && status < 400 && response.getHeaders().get(HttpHeader.LOCATION) != null) {
        response.abort(new IOException("redirect"));
        try {
          current = URI.create(current).resolve(response.getHeaders().get(HttpHeader.LOCATION)).toString();
        } catch (IllegalArgumentException e) {
          throw new FetchFailed("the redirect's Location is not a valid URL");
        }
        continue;
      }
      if (status != 200) {
        response.abort(new IOException("status " + status));
        throw new FetchFailed("the server answered HTTP " + status);
      }
      long declared = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
      if (declared > maxBytes) {
        response.abort(new IOException("too large"));
        throw new FetchFailed(tooLarge());
      }
      return read(listener, response);
    }
    throw new FetchFailed("more than " + MAX_REDIRECTS + " redirects");
  }

  private byte[] read(InputStreamResponseListener listener, Response response) throws FetchFailed {
    try (InputStream in = listener.getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        response.abort(new IOException("too large"));
        throw new FetchFailed(tooLarge());
      }
      return bytes;
    } catch (IOException e) {
      throw new FetchFailed(describe(e));
    }
  }

  private String tooLarge() {
    return "the file is larger than " + maxBytes / (1024 * 1024) + " MB";
  }

  /** A short sentence from the innermost cause that says something useful. */
  private String describe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TargetGuard.RefusedTarget) {
        return "refused: " + cause.getMessage();
      }
      if (cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException) {
        return "the download took longer than " + timeout.toSeconds() + " s";
      }
      if (cause instanceof UnknownHostException) {
        return "unknown host " + cause.getMessage();
      }
      if (cause instanceof java.net.ConnectException) {
        return "could not connect: " + cause.getMessage();
      }
      if (cause instanceof SSLException) {
        return "TLS failed: " + cause.getMessage();
      }
    }
    String message = failure == null ? null : failure.getMessage();
    return "the download failed" + (message == null ? "" : ": " + message);
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the upload fetch client", e);
    }
  }
}

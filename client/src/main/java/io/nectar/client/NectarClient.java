package io.nectar.client;

import io.nectar.client.internal.Api;
import io.nectar.client.internal.Transport;
import io.nectar.client.model.Ping;
import io.nectar.client.service.AccountService;
import io.nectar.client.service.CompanyService;
import io.nectar.client.service.ConnectionService;
import io.nectar.client.service.DocumentService;
import io.nectar.client.service.IntervalService;
import io.nectar.client.service.InvitationService;
import io.nectar.client.service.JobService;
import io.nectar.client.service.MeterService;
import io.nectar.client.service.OrganizationService;
import io.nectar.client.service.SandboxService;
import io.nectar.client.service.SiteService;
import io.nectar.client.service.UsageService;
import io.nectar.client.service.WebhookService;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The entry point: one per API key and base URL, shared by every thread (it is immutable and
 * thread-safe, and holds the connection pool and the cap on requests in flight, so creating one per
 * call would defeat both). The same code works against Nectar's API and this server; only the
 * base URL and the key change.
 *
 * <pre>{@code
 * var nectar = NectarClient.builder().apiKey(key).baseUrl("https://external.nectarclimate.com/v2.2").build();
 * for (UsageData usage : nectar.usage().listBySite(siteId, DataFilter.NONE).autoPaginate()) { ... }
 * }</pre>
 */
public final class NectarClient {
  /** Nectar's recommended version on Nectar's own host. */
  public static final String DEFAULT_BASE_URL = "https://external.nectarclimate.com/v2.2";

  private final ApiVersion apiVersion;
  private final Api api;
  private final CompanyService companies;
  private final SiteService sites;
  private final ConnectionService connections;
  private final AccountService accounts;
  private final MeterService meters;
  private final DocumentService documents;
  private final UsageService usage;
  private final IntervalService intervals;
  private final JobService jobs;
  private final InvitationService invitations;
  private final WebhookService webhooks;
  private final SandboxService sandbox;
  private final OrganizationService organization;

  private NectarClient(ApiVersion apiVersion, Transport transport) {
    this.apiVersion = apiVersion;
    this.api = new Api(transport);
    this.companies = new CompanyService(api);
    this.sites = new SiteService(api);
    this.connections = new ConnectionService(api);
    this.accounts = new AccountService(api);
    this.meters = new MeterService(api);
    this.documents = new DocumentService(api);
    this.usage = new UsageService(api);
    this.intervals = new IntervalService(api);
    this.jobs = new JobService(api);
    this.invitations = new InvitationService(api);
    this.webhooks = new WebhookService(api);
    this.sandbox = new SandboxService(api);
    this.organization = new OrganizationService(api);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The version the base URL selects. */
  public ApiVersion apiVersion() {
    return apiVersion;
  }

  /** The versioned base URL every path is relative to, e.g. {@code https://host/v2.2}. */
  public URI baseUrl() {
    return api.transport().baseUri();
  }

  /** The User-Agent this client sends: the SDK's name and version, and the Java version. */
  public String userAgent() {
    return api.transport().userAgent();
  }

  /** Checks the key and returns the organization, environment and versions. */
  public Ping ping() {
    return ping(RequestOptions.DEFAULT);
  }

  public Ping ping(RequestOptions options) {
    return api.get("/ping", Ping.class, options);
  }

  public CompanyService companies() {
    return companies;
  }

  public SiteService sites() {
    return sites;
  }

  public ConnectionService connections() {
    return connections;
  }

  public AccountService accounts() {
    return accounts;
  }

  public MeterService meters() {
    return meters;
  }

  public DocumentService documents() {
    return documents;
  }

  public UsageService usage() {
    return usage;
  }

  public IntervalService intervals() {
    return intervals;
  }

  public JobService jobs() {
    return jobs;
  }

  public InvitationService invitations() {
    return invitations;
  }

  public WebhookService webhooks() {
    return webhooks;
  }

  public SandboxService sandbox() {
    return sandbox;
  }

  public OrganizationService organization() {
    return organization;
  }

  /**
   * Builds a {@link NectarClient}. Only the API key is required. Defaults: Nectar's v2.2 base URL,
   * 30 s per request, 10 s to connect, 3 retries, 10 requests in flight (Nectar's recommendation),
   * an automatic {@code Idempotency-Key} on every POST, and waits of at most 60 s for a
   * {@code Retry-After}.
   */
  public static final class Builder {
    private String apiKey;
    private String baseUrl = DEFAULT_BASE_URL;
    private ApiVersion apiVersion;
    private Duration timeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int maxRetries = 3;
    private int maxConcurrentRequests = 10;
    private HttpClient httpClient;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random;
    private IdempotencyKeys idempotencyKeys = IdempotencyKeys.GENERATED;
    private Duration maxRetryWait = Duration.ofSeconds(60);

    private Builder() {
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /**
     * The base URL, normally ending in the version ({@code .../v2}, {@code .../v2.1},
     * {@code .../v2.2}). Without a version segment, {@link #apiVersion} (default v2.2) is added.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** The version, for a base URL without one; must agree with the base URL's if it has one. */
    public Builder apiVersion(ApiVersion apiVersion) {
      this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
      return this;
    }

    /** How long one attempt may wait for the answer's headers. */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive(timeout, "timeout");
      return this;
    }

    /** How long to wait for a connection; ignored when an {@link #httpClient} is given. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Checks.positive(connectTimeout, "connectTimeout");
      return this;
    }

    public Builder maxRetries(int maxRetries) {
      this.maxRetries = Checks.retries(maxRetries);
      return this;
    }

    /** The most requests this client has on the wire at once; more calls wait for a free slot. */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /** A JDK client to send with (proxies, TLS settings); by default one is built, HTTP/1.1. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Waits between retries and job polls; tests pass one that records instead of sleeping. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The clock for {@code Retry-After} dates and job-wait deadlines. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The source of backoff jitter; tests pass a fixed one to predict the waits. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public Builder idempotencyKeys(IdempotencyKeys idempotencyKeys) {
      this.idempotencyKeys = Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
      return this;
    }

    /** The longest a {@code Retry-After} is honoured; a longer one is cut to this. */
    public Builder maxRetryWait(Duration maxRetryWait) {
      this.maxRetryWait = Objects.requireNonNull(maxRetryWait, "maxRetryWait");
      return this;
    }

    public NectarClient build() {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalStateException("apiKey is required");
      }
      String base = baseUrl.strip();
      while (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      URI uri = URI.create(base);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
      }
      String path = uri.getPath() == null ? "" : uri.getPath();
      String last = path.substring(path.lastIndexOf('/') + 1);
      ApiVersion fromUrl = ApiVersion.fromPathSegment(last).orElse(null);
      ApiVersion version;
      if (fromUrl == null) {
        version = apiVersion == null ? ApiVersion.V2_2 : apiVersion;
        base = base + "/" + version.pathSegment();
      } else if (apiVersion != null && apiVersion != fromUrl) {
        throw new IllegalArgumentException("baseUrl names " + fromUrl.pathSegment() + " but apiVersion is "
            + apiVersion.pathSegment());
      } else {
        version = fromUrl;
      }
      // HTTP/1.1: on a plain-http base URL (a server on localhost) the JDK's HTTP/2 default sends
      // an h2c upgrade that some servers mishandle; redirects are not followed so that a key is
      // never sent on to another host.
      HttpClient http = httpClient != null ? httpClient : HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
      Transport transport = new Transport(new Transport.Config(URI.create(base), apiKey, timeout, maxRetries,
          maxConcurrentRequests, http, sleeper, clock, random != null ? random : new SecureRandom(), idempotencyKeys,
          maxRetryWait));
      return new NectarClient(version, transport);
    }
  }
}

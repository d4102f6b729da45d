package io.nectar.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed server configuration, read once at start-up from flags and the environment (flags win).
 * Every value is validated here so that a bad setting stops start-up with one line naming it,
 * instead of failing later in the middle of a request.
 */
public record Config(
    int port,
    Path dataDir,
    Optional<DatabaseUrl> databaseUrl,
    String publicUrl,
    Optional<String> secretKey,
    Optional<String> bootstrapKey,
    long maxBodyBytes,
    int maxConcurrentRequestsPerKey,
    int maxRequestsPerSecondPerKey,
    LocalDate earliestCollectionDate,
    Webhooks webhooks,
    BillReading billReading,
    Optional<SmtpSettings> smtp,
    BlobSettings blobs,
    TrustedProxies trustedProxies) {
  /** The setting for the earliest date a company or connection may collect from. */
  public static final String EARLIEST_COLLECTION_DATE = "NECTAR_EARLIEST_COLLECTION_DATE";


  /**
   * Webhook delivery: the first attempt is immediate and each later one waits its entry of the
   * schedule (so the schedule's length is the number of attempts); how long an endpoint may keep
   * failing before it is disabled; how long a receiver may take to answer; whether private
   * addresses may be targets.
   */
  public record Webhooks(List<Duration> retrySchedule, Duration disableAfter, Duration timeout,
      boolean allowPrivateTargets) {
    /** Svix's schedule (CONTRACT §9): immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
    public static final String DEFAULT_SCHEDULE = "0s,5s,5m,30m,2h,5h,10h,10h";
  }

  /**
   * Reading uploaded bills: the operator's own layout templates (added to and overriding the built-in
   * ones), the OCR program, how many OCR processes and how many uploaded files run at once, and how
   * long one file may take before its job is terminated.
   */
  public record BillReading(Optional<Path> templatesDir, String tesseract, String ocrLanguages, int ocrThreads,
      int parallelFiles, Duration perFileTimeout) {}

  public static final int DEFAULT_PORT = 8080;
  /**
   * The earliest {@code dataCollectionStartDate} a company or connection may ask for: each month of
   * history is a bill and a PDF per account, so an unbounded start lets one tenant fill the disk.
   */
  public static final LocalDate DEFAULT_EARLIEST_COLLECTION_DATE = LocalDate.of(2000, 1, 1);
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  /** Reads the settings from {@code settings} (environment variables merged with flags). */
  public static Config from(Map<String, String> settings) {
    int port = intSetting(settings, "NECTAR_PORT", DEFAULT_PORT, 0, 65535);
    Path dataDir = Path.of(nonBlank(settings, "NECTAR_DATA_DIR").orElse("./data")).toAbsolutePath().normalize();
    Optional<DatabaseUrl> databaseUrl = nonBlank(settings, "DATABASE_URL").map(DatabaseUrl::parse);
    String publicUrl = nonBlank(settings, "NECTAR_PUBLIC_URL")
        .map(Config::validPublicUrl)
        .orElse("http://localhost:" + (port == 0 ? DEFAULT_PORT : port));
    Optional<String> secretKey = nonBlank(settings, "NECTAR_SECRET_KEY").map(Config::validSecret);
    Optional<String> bootstrapKey = nonBlank(settings, "NECTAR_BOOTSTRAP_KEY").map(Config::validBootstrapKey);
    long maxBody = intSetting(settings, "NECTAR_MAX_BODY_BYTES", 1024 * 1024, 1024, Integer.MAX_VALUE);
    int concurrency = intSetting(settings, "NECTAR_MAX_CONCURRENT_REQUESTS_PER_KEY", 20, 1, 10_000);
    int rps = intSetting(settings, "NECTAR_MAX_REQUESTS_PER_SECOND_PER_KEY", 0, 0, 1_000_000);
    LocalDate earliestCollection = dateSetting(settings, EARLIEST_COLLECTION_DATE,
        DEFAULT_EARLIEST_COLLECTION_DATE);
    Webhooks webhooks = new Webhooks(
        durations(settings, "NECTAR_WEBHOOK_RETRY_SCHEDULE", Webhooks.DEFAULT_SCHEDULE),
        durations(settings, "NECTAR_WEBHOOK_DISABLE_AFTER", "5d").get(0),
        durations(settings, "NECTAR_WEBHOOK_TIMEOUT", "15s").get(0),
        booleanSetting(settings, "NECTAR_ALLOW_PRIVATE_TARGETS"));
    int cores = Runtime.getRuntime().availableProcessors();
    BillReading billReading = new BillReading(
        nonBlank(settings, "NECTAR_TEMPLATES_DIR").map(d -> Path.of(d).toAbsolutePath().normalize()),
        nonBlank(settings, "NECTAR_TESSERACT").orElse("tesseract"),
        ocrLanguages(nonBlank(settings, "NECTAR_OCR_LANGUAGES").orElse("eng")),
        intSetting(settings, "NECTAR_OCR_THREADS", cores, 1, 256),
        intSetting(settings, "NECTAR_PARSE_PARALLEL_FILES", cores, 1, 256),
        durations(settings, "NECTAR_PARSE_FILE_TIMEOUT", "5m").get(0));
    // Outgoing e-mail (invitations, verification codes); none when NECTAR_SMTP_URL is unset.
    Optional<SmtpSettings> smtp = nonBlank(settings, SmtpSettings.URL_SETTING)
        .map(url -> SmtpSettings.parse(url, nonBlank(settings, SmtpSettings.FROM_SETTING), publicUrl));
    // Where stored files live: <data dir>/blobs unless NECTAR_BLOB_URL names a folder or an S3 bucket.
    BlobSettings blobs = BlobSettings.from(settings);
    // Load balancers whose X-Forwarded-For names the client, for limits counted per address.
    TrustedProxies proxies = nonBlank(settings, "NECTAR_TRUSTED_PROXIES").map(raw -> {
      try {
        return TrustedProxies.parse(raw);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("NECTAR_TRUSTED_PROXIES", e.getMessage()
            + "; give addresses and CIDR blocks separated by commas, e.g. 10.0.0.0/8,127.0.0.1");
      }
    }).orElse(TrustedProxies.NONE);
    return new Config(port, dataDir, databaseUrl, publicUrl, secretKey, bootstrapKey, maxBody, concurrency, rps,
        earliestCollection, webhooks, billReading, smtp, blobs, proxies);
  }

  /** Tesseract's language list, e.g. {@code eng+por}: names of its traineddata files joined by '+'. */
  private static String ocrLanguages(String raw) {
    if (!raw.matches("[a-z_]{3,16}(\\+[a-z_]{3,16}){0,7}")) {
      throw new ConfigException("NECTAR_OCR_LANGUAGES", "must be Tesseract language codes joined by '+', e.g. "
          + "eng+por, got '" + raw + "'");
    }
    return raw;
  }

  private static Optional<String> nonBlank(Map<String, String> settings, String name) {
    String value = settings.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static boolean booleanSetting(Map<String, String> settings, String name) {
    String raw = nonBlank(settings, name).orElse("false");
    return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new ConfigException(name, "must be true or false, got '" + raw + "'");
    };
  }

  /** A comma-separated list of durations such as {@code 0s,500ms,5m,2h,5d}. */
  private static List<Duration> durations(Map<String, String> settings, String name, String fallback) {
    String raw = nonBlank(settings, name).orElse(fallback);
    List<Duration> durations = new ArrayList<>();
    for (String part : raw.split(",")) {
      Matcher m = DURATION.matcher(part.trim());
      if (!m.matches()) {
        throw new ConfigException(name, "must be durations like 0s,5s,5m,2h,1d separated by commas, got '" + raw + "'");
      }
      long amount = Long.parseLong(m.group(1));
      durations.add(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      });
    }
    return List.copyOf(durations);
  }

  /** A calendar date written {@code YYYY-MM-DD}, the one form the API accepts too. */
  private static LocalDate dateSetting(Map<String, String> settings, String name, LocalDate fallback) {
    Optional<String> raw = nonBlank(settings, name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      if (raw.get().matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(raw.get());
      }
    } catch (DateTimeParseException e) {
      // reported below, as a pattern mismatch is
    }
    throw new ConfigException(name, "must be a date written YYYY-MM-DD, got '" + raw.get() + "'");
  }

  private static int intSetting(Map<String, String> settings, String name, int fallback, int min, int max) {
    Optional<String> raw = nonBlank(settings, name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw new ConfigException(name, "must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "must be a whole number, got '" + raw.get() + "'");
    }
  }

  private static String validPublicUrl(String raw) {
    try {
      URI uri = URI.create(raw);
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new ConfigException("NECTAR_PUBLIC_URL", "must be an absolute http(s) URL, got '" + raw + "'");
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException("NECTAR_PUBLIC_URL", "is not a valid URL: '" + raw + "'");
    }
    return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
  }

  private static String validSecret(String raw) {
    if (raw.length() < 32) {
      throw new ConfigException("NECTAR_SECRET_KEY", "must be at least 32 characters long");
    }
    return raw;
  }

  private static String validBootstrapKey(String raw) {
    if (raw.length() < 16 || raw.length() > 200 || !raw.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new ConfigException("NECTAR_BOOTSTRAP_KEY",
          "must be 16 to 200 printable ASCII characters without spaces");
    }
    return raw;
  }
}

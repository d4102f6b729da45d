package io.nectar.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where stored files (bills, uploads, generated PDFs) live, from {@code NECTAR_BLOB_URL}:
 * <ul>
 *   <li>absent: a folder in the data folder ({@code <NECTAR_DATA_DIR>/blobs}), the one-machine default;
 *   <li>{@code file:///absolute/path}: that folder;
 *   <li>{@code s3://bucket[/prefix]}: an S3-compatible object store, with the AWS SDK's own settings
 *       ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}, credentials) and
 *       {@code NECTAR_S3_PATH_STYLE=true} for stores that need path-style addressing.
 * </ul>
 * The AWS settings are read from the same map as every other setting (the environment merged with
 * flags), so a test or a second server in the same process can name its own store. Credentials absent
 * from that map come from the SDK's default provider chain (instance roles, profiles, web identity).
 */
public sealed interface BlobSettings {
  String URL_SETTING = "NECTAR_BLOB_URL";
  String PATH_STYLE_SETTING = "NECTAR_S3_PATH_STYLE";
  String REGION_SETTING = "AWS_REGION";
  String ENDPOINT_S3_SETTING = "AWS_ENDPOINT_URL_S3";
  String ENDPOINT_SETTING = "AWS_ENDPOINT_URL";
  String ACCESS_KEY_SETTING = "AWS_ACCESS_KEY_ID";
  String SECRET_KEY_SETTING = "AWS_SECRET_ACCESS_KEY";
  String SESSION_TOKEN_SETTING = "AWS_SESSION_TOKEN";

  /** Files in a folder: {@code folder} when given, else {@code <data dir>/blobs}. */
  record LocalFolder(Optional<Path> folder) implements BlobSettings {
    public LocalFolder {
      Objects.requireNonNull(folder, "folder");
    }

    /** The folder the store uses for a server whose data folder is {@code dataDir}. */
    public Path resolve(Path dataDir) {
      return folder.orElseGet(() -> dataDir.resolve("blobs"));
    }

    /** The setting an operator changes to move or repair the folder. */
    public String setting() {
      return folder.isPresent() ? URL_SETTING : "NECTAR_DATA_DIR";
    }
  }

  /**
   * Objects in {@code bucket}, every key under {@code prefix} (empty, or ending in '/').
   *
   * @param region {@code AWS_REGION}; empty means the SDK's own region chain (profile, instance metadata)
   * @param endpoint {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}, for stores other than AWS
   * @param credentials keys given as settings; empty means the SDK's default provider chain
   */
  record S3(String bucket, String prefix, PathStyle pathStyle, Optional<String> region, Optional<URI> endpoint,
      Optional<StaticCredentials> credentials) implements BlobSettings {
    public S3 {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(pathStyle, "pathStyle");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(credentials, "credentials");
    }

    /** The store as the operator wrote it, for the banner and logs (no credentials). */
    public String url() {
      return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix.substring(0, prefix.length() - 1));
    }

    @Override
    public String toString() {
      return url() + endpoint.map(e -> " at " + e).orElse("") + region.map(r -> " (" + r + ")").orElse("")
          + (pathStyle == PathStyle.PATH ? ", path-style" : "");
    }
  }

  /** How the bucket is named in requests: {@code bucket.host/key} or {@code host/bucket/key}. */
  enum PathStyle { VIRTUAL_HOST, PATH }

  /** An access key from the settings; the secret never appears in {@link #toString()}. */
  record StaticCredentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
    public StaticCredentials {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      Objects.requireNonNull(sessionToken, "sessionToken");
    }

    @Override
    public String toString() {
      return "StaticCredentials[" + accessKeyId + ", secret ***" + (sessionToken.isPresent() ? ", session" : "") + "]";
    }
  }

  /** The store named by {@code NECTAR_BLOB_URL} in {@code settings} (environment merged with flags). */
  static BlobSettings from(Map<String, String> settings) {
    return nonBlank(settings, URL_SETTING)
        .map(url -> of(url, settings))
        .orElseGet(() -> new LocalFolder(Optional.empty()));
  }

  /**
   * The store named by {@code url} (written as {@code NECTAR_BLOB_URL} is, e.g. the target of a
   * migration), with the S3 settings read from {@code settings}.
   */
  static BlobSettings of(String url, Map<String, String> settings) {
    String trimmed = url.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("s3://")) {
      return s3(trimmed.substring("s3://".length()), settings);
    }
    if (lower.startsWith("file:")) {
      return folder(trimmed);
    }
    throw new ConfigException(URL_SETTING, "must be s3://bucket[/prefix] or file:///absolute/path, got '"
        + printable(trimmed) + "'");
  }

  private static BlobSettings folder(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getAuthority() != null && !uri.getAuthority().isEmpty() || uri.getPath() == null
          || !uri.getPath().startsWith("/") || uri.getQuery() != null) {
        throw new IllegalArgumentException("not an absolute local path");
      }
      return new LocalFolder(Optional.of(Path.of(uri).toAbsolutePath().normalize()));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw new ConfigException(URL_SETTING, "must name an absolute folder as file:///path/to/folder, got '"
          + printable(url) + "'");
    }
  }

  private static BlobSettings s3(String rest, Map<String, String> settings) {
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    // S3's bucket rules (3-63 characters, lower-case letters, digits, '.', '-'), plus the upper case and
    // '_' older buckets and some S3-compatible stores allow.
    if (!bucket.matches("[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]")) {
      throw new ConfigException(URL_SETTING, "must name a bucket (3 to 63 letters, digits, '.', '-') as "
          + "s3://bucket[/prefix], got '" + printable("s3://" + rest) + "'");
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.isEmpty()) {
      for (String segment : path.split("/", -1)) {
        if (!segment.matches("[A-Za-z0-9._-]{1,255}") || segment.equals(".") || segment.equals("..")) {
          throw new ConfigException(URL_SETTING, "has a prefix that is not folder names of letters, digits, "
              + "'.', '_' and '-' joined by '/', got '" + printable("s3://" + rest) + "'");
        }
      }
    }
    String prefix = path.isEmpty() ? "" : path + "/";
    PathStyle pathStyle = pathStyle(settings);
    Optional<URI> endpoint = nonBlank(settings, ENDPOINT_S3_SETTING).map(e -> endpoint(ENDPOINT_S3_SETTING, e))
        .or(() -> nonBlank(settings, ENDPOINT_SETTING).map(e -> endpoint(ENDPOINT_SETTING, e)));
    Optional<String> region = nonBlank(settings, REGION_SETTING).or(() -> nonBlank(settings, "AWS_DEFAULT_REGION"));
    region.ifPresent(r -> {
      if (!r.matches("[a-z0-9-]{1,64}")) {
        throw new ConfigException(REGION_SETTING, "must be a region name such as eu-west-1, got '" + printable(r) + "'");
      }
    });
    return new S3(bucket, prefix, pathStyle, region, endpoint, credentials(settings));
  }

  private static PathStyle pathStyle(Map<String, String> settings) {
    String raw = nonBlank(settings, PATH_STYLE_SETTING).orElse("false");
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> PathStyle.PATH;
      case "false", "0", "no" -> PathStyle.VIRTUAL_HOST;
      default -> throw new ConfigException(PATH_STYLE_SETTING, "must be true or false, got '" + printable(raw) + "'");
    };
  }

  private static URI endpoint(String setting, String raw) {
    try {
      URI uri = URI.create(raw);
      if (uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawUserInfo() == null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new ConfigException(setting, "must be an http(s) URL such as https://s3.example.com, got '"
        + printable(raw) + "'");
  }

  private static Optional<StaticCredentials> credentials(Map<String, String> settings) {
    Optional<String> id = nonBlank(settings, ACCESS_KEY_SETTING);
    Optional<String> secret = nonBlank(settings, SECRET_KEY_SETTING);
    if (id.isPresent() != secret.isPresent()) {
      String missing = id.isPresent() ? SECRET_KEY_SETTING : ACCESS_KEY_SETTING;
      throw new ConfigException(missing, "must be set together with "
          + (id.isPresent() ? ACCESS_KEY_SETTING : SECRET_KEY_SETTING));
    }
    return id.map(i -> new StaticCredentials(i, secret.get(), nonBlank(settings, SESSION_TOKEN_SETTING)));
  }

  private static Optional<String> nonBlank(Map<String, String> settings, String name) {
    String value = settings.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** A value quoted in an error, cut short and without control characters that could break the line. */
  private static String printable(String raw) {
    String cut = raw.length() > 120 ? raw.substring(0, 120) + "…" : raw;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}

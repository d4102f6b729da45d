package io.nectar.keys;

import io.nectar.errors.InvalidInput;
import io.nectar.errors.NotFound;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Organizations and their API keys: creation (the secret is shown once and stored only as a
 * SHA-256 hash), listing, revocation, and authentication of a presented secret.
 *
 * <p>Secrets carry 190 bits of randomness, so a fast hash is enough: there is nothing to brute-force
 * that a slow password hash would protect. Validity is checked against the database on every
 * request, so a revoked key fails on its very next use.
 */
public final class KeyService {
  public static final String DEFAULT_ORGANIZATION = "Default organization";
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final Jdbi jdbi;
  private final KeyStore store;
  private final Clock clock;
  private final java.util.function.Supplier<UUID> ids;
  private final SecureRandom random = new SecureRandom();

  public KeyService(Jdbi jdbi, Clock clock, java.util.function.Supplier<UUID> ids) {
    this.jdbi = jdbi;
    this.store = new KeyStore(jdbi);
    this.clock = clock;
    this.ids = ids;
  }

  /** Returns the organization of that name, creating it on first use. */
  public Organization organization(String name) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("an organization name is 1 to 200 characters");
    }
    return jdbi.inTransaction(h -> store.insertOrganizationIfAbsent(h,
        new Organization(ids.get(), name.trim(), now())));
  }

  /**
   * Creates a key. {@code fixedSecret} (from NECTAR_BOOTSTRAP_KEY) replaces the random secret for
   * scripted set-ups; everyone else gets a random one.
   */
  public CreatedKey create(Organization organization, String name, Environment environment,
      Optional<LocalDate> expiresOn, Optional<String> fixedSecret) {
    CreatedKey key = created(ids.get(), organization, name, environment, expiresOn, fixedSecret);
    jdbi.useTransaction(h -> store.insertKey(h, key.key(), hash(key.secret())));
    return key;
  }

  private CreatedKey created(UUID keyId, Organization organization, String name, Environment environment,
      Optional<LocalDate> expiresOn, Optional<String> fixedSecret) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a key name is 1 to 200 characters");
    }
    Instant now = now();
    Instant expires = expiresOn.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(null);
    if (expires != null && !expires.isAfter(now)) {
      throw new IllegalArgumentException("the expiry date must be in the future");
    }
    String secret = fixedSecret.orElseGet(() -> environment.secretPrefix() + randomToken(32));
    ApiKey key = new ApiKey(keyId, organization.id(), organization.name(), name.trim(), environment,
        secret.substring(0, Math.min(12, secret.length())), expires, now, null, null);
    return new CreatedKey(key, secret);
  }

  /**
   * Creates a key with the id a form chose, once: a second call with the same id (a form sent again by
   * the browser's reload) creates nothing and is empty, so a reload never makes a second key whose
   * secret nobody saw.
   */
  public Optional<CreatedKey> createOnce(UUID keyId, Organization organization, String name,
      Environment environment, Optional<LocalDate> expiresOn) {
    CreatedKey key = created(keyId, organization, name, environment, expiresOn, Optional.empty());
    boolean inserted = jdbi.inTransaction(h -> store.insertKeyIfAbsent(h, key.key(), hash(key.secret())));
    return inserted ? Optional.of(key) : Optional.empty();
  }

  /**
   * On the very first start, gives the default organization a SANDBOX key so that a new user can
   * call the API at once. Returns the new key, or empty when the organization already has one.
   */
  public Optional<CreatedKey> bootstrap(Optional<String> fixedSecret) {
    Organization organization = organization(DEFAULT_ORGANIZATION);
    boolean hasKeys = jdbi.withHandle(h -> store.countKeys(h, organization.id())) > 0;
    if (hasKeys) {
      return Optional.empty();
    }
    return Optional.of(create(organization, "default", Environment.SANDBOX, Optional.empty(), fixedSecret));
  }

  /**
   * Undoes {@link #bootstrap} when the server could not start after making the key: nobody has seen
   * its secret, and the next start must make (and print) a new one rather than find a key and stay silent.
   */
  public void discardUnshown(CreatedKey key) {
    store.delete(key.key().id());
  }

  public List<ApiKey> list() {
    return store.listKeys();
  }

  /** The keys of one organization, both environments, newest first (the dashboard's list). */
  public List<ApiKey> list(UUID organizationId) {
    return store.listKeys(organizationId);
  }

  /**
   * Revokes a key of {@code organizationId} only; false when that organization has no such key, so a
   * person of one organization can never revoke another's, whatever id they send.
   */
  public boolean revoke(UUID organizationId, UUID keyId) {
    return store.revoke(organizationId, keyId, now());
  }

  /** Revokes a key; it fails from its next request on. False when no such key exists. */
  public boolean revoke(UUID keyId) {
    return store.revoke(keyId, now());
  }

  /** The caller a presented secret stands for, or empty when it is unknown, revoked or expired. */
  public Optional<Caller> authenticate(String secret) {
    if (secret == null || secret.isEmpty() || secret.length() > 200) {
      return Optional.empty();
    }
    Instant now = now();
    Optional<ApiKey> key = store.keyByHash(hash(secret)).filter(k -> k.isActiveAt(now));
    // Last use is kept to the minute: most requests need no write at all.
    key.filter(k -> k.lastUsed() == null || k.lastUsed().isBefore(now.minusSeconds(60)))
        .ifPresent(k -> store.touch(k.id(), now));
    return key.map(k -> new Caller(k.id(), k.organizationId(), k.organizationName(), k.environment()));
  }

  /**
   * The white label of the organization's hosted pages, with the default for each field never set
   * (the organization's name, {@link Branding#DEFAULT_COLOUR}, no logo, frame-ancestors *).
   */
  public Branding branding(UUID organizationId) {
    return jdbi.inTransaction(h -> {
      Organization organization = store.organizationById(h, organizationId)
          .orElseThrow(() -> new NotFound("Organization"));
      return withDefaults(organization, store.branding(h, organizationId).orElse(KeyStore.StoredBranding.DEFAULTS));
    });
  }

  /**
   * Changes the organization's branding: each field kept, reset to its default, or set. Values are
   * checked again here (the CLI and any other caller come through this door); a bad one is an
   * {@link InvalidInput} naming its field, and nothing changes.
   */
  public Branding changeBranding(UUID organizationId, BrandingChange change) {
    BrandingChange checked = checked(change);
    return jdbi.inTransaction(h -> {
      Organization organization = store.organizationById(h, organizationId)
          .orElseThrow(() -> new NotFound("Organization"));
      return withDefaults(organization, store.changeBranding(h, organizationId, checked, now()));
    });
  }

  /** The organization with this id; nothing is created. */
  public Optional<Organization> organization(UUID id) {
    return jdbi.withHandle(h -> store.organizationById(h, id));
  }

  /** The organization with this id or, failing that, this name; nothing is created. */
  public Optional<Organization> findOrganization(String idOrName) {
    return jdbi.withHandle(h -> {
      Optional<Organization> byId = Optional.empty();
      try {
        byId = store.organizationById(h, UUID.fromString(idOrName));
      } catch (IllegalArgumentException notAnId) {
        // a name, then
      }
      return byId.isPresent() ? byId : store.organizationByName(h, idOrName.trim());
    });
  }

  private static Branding withDefaults(Organization organization, KeyStore.StoredBranding stored) {
    return new Branding(stored.name() != null ? stored.name() : organization.name(),
        stored.colour() != null ? stored.colour() : Branding.DEFAULT_COLOUR,
        stored.logoUrl(),
        stored.frameAncestors() != null ? stored.frameAncestors() : Branding.DEFAULT_FRAME_ANCESTORS);
  }

  /** The change with its values checked and normalised (trimmed name, lower-case colour and sources). */
  private static BrandingChange checked(BrandingChange change) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    BrandingChange.Setting<String> name = change.name();
    if (name.action() == BrandingChange.Action.SET) {
      String raw = name.value() == null ? "" : name.value();
      BrandingRules.nameProblem(raw).ifPresent(p -> errors.put("name", List.of(p)));
      name = BrandingChange.Setting.set(BrandingRules.normalName(raw));
    }
    BrandingChange.Setting<String> colour = change.colour();
    if (colour.action() == BrandingChange.Action.SET) {
      String value = colour.value() == null ? "" : colour.value();
      BrandingRules.colourProblem(value).ifPresent(p -> errors.put("colour", List.of(p)));
      colour = BrandingChange.Setting.set(BrandingRules.normalColour(value));
    }
    BrandingChange.Setting<String> logo = change.logoUrl();
    if (logo.action() == BrandingChange.Action.SET) {
      BrandingRules.logoUrlProblem(logo.value() == null ? "" : logo.value())
          .ifPresent(p -> errors.put("logoUrl", List.of(p)));
    }
    BrandingChange.Setting<List<String>> ancestors = change.frameAncestors();
    if (ancestors.action() == BrandingChange.Action.SET) {
      List<String> sources = ancestors.value() == null ? List.of() : ancestors.value();
      List<String> problems = new ArrayList<>();
      BrandingRules.frameAncestorsProblem(sources).ifPresent(problems::add);
      sources.forEach(s -> BrandingRules.frameAncestorProblem(s == null ? "" : s).ifPresent(problems::add));
      if (!problems.isEmpty()) {
        errors.put("frameAncestors", problems);
      } else {
        ancestors = BrandingChange.Setting.set(List.copyOf(new LinkedHashSet<>(
            sources.stream().map(BrandingRules::normalSource).toList())));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return new BrandingChange(name, colour, logo, ancestors);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private String randomToken(int length) {
    StringBuilder token = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return token.toString();
  }

  static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

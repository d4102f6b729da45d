package io.nectar.invitations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.companies.Company;
import io.nectar.companies.CompanyService;
import io.nectar.config.DerivedKey;
import io.nectar.connections.Connection;
import io.nectar.connections.ConnectionService;
import io.nectar.http.Json;
import io.nectar.sites.Site;
import io.nectar.sites.SiteService;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * Legacy magic links (nectar-api.md §11.2): the secret in {@code /p/connect/{publicCompanyId}/{secret}}
 * (and {@code …/workflow/{secret}} for an edit link) is the company id with the sites and prefill it
 * carries (or the connection id), sealed with AES-256-GCM under a key derived from the server secret
 * for this purpose alone. The public company id and the kind of link are authenticated as associated
 * data, so a secret moved under another company's public id, or an edit secret used as a company
 * link, does not open; and one altered byte anywhere fails the tag.
 *
 * <p>Format, base64url without padding: {@code version (1) | nonce (12) | ciphertext and tag (16)}.
 * The plaintext is a small JSON object. A link stays valid as long as the server secret and the
 * company (or connection) do: Nectar's links never expired, and there is no revocation list for them;
 * invitations are the replacement that can be revoked.
 */
public final class MagicLinks {
  /** What the key is derived for; no other key of the server may share it. */
  static final String PURPOSE = "nectar magic links v1";
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  /** Far above any real link (100 sites), far below what would cost anything to try. */
  private static final int MAX_SECRET_CHARS = 8192;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** Which link a secret is for; bound into the associated data. */
  private enum Kind { COMPANY, CONNECTION }

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();
  private final Jdbi jdbi;
  private final CompanyService companies;
  private final ConnectionService connections;
  private final SiteService sites;

  public MagicLinks(byte[] serverSecret, Jdbi jdbi, CompanyService companies, SiteService sites,
      ConnectionService connections) {
    this.sites = sites;
    this.key = new SecretKeySpec(DerivedKey.of(serverSecret, PURPOSE), "AES");
    this.jdbi = jdbi;
    this.companies = companies;
    this.connections = connections;
  }

  /** The secret of a company link: the company, and what the link fills in (sites, url, start date). */
  public String companySecret(Company company, Prefill prefill) {
    ObjectNode plain = Json.object();
    plain.put("c", company.id().toString());
    if (!prefill.initialSites().isEmpty()) {
      plain.set("s", Json.strings(prefill.initialSites().stream().map(UUID::toString).toList()));
    }
    if (prefill.url() != null) {
      plain.put("u", prefill.url());
    }
    if (prefill.dataCollectionStartDate() != null) {
      plain.put("d", prefill.dataCollectionStartDate().toString());
    }
    return seal(Kind.COMPANY, company.publicId(), plain);
  }

  /** The secret of an edit link for {@code connection} of {@code company}. */
  public String connectionSecret(Company company, Connection connection) {
    ObjectNode plain = Json.object();
    plain.put("w", connection.id().toString());
    return seal(Kind.CONNECTION, company.publicId(), plain);
  }

  /**
   * The company link {@code secret} under {@code publicCompanyId}: empty when it was altered, made
   * under another public id or server secret, is an edit link's, or its company is gone. The sites
   * it names that are no longer the company's are dropped.
   */
  public Optional<HostedCompanyLink> openCompanyLink(String publicCompanyId, String secret) {
    return open(Kind.COMPANY, publicCompanyId, secret).flatMap(plain -> jdbi.inTransaction(h -> {
      Optional<UUID> companyId = uuid(plain.path("c").asText(null));
      Optional<Company> company = companyId.flatMap(id -> companies.find(h, id))
          .filter(c -> c.publicId().equals(publicCompanyId));
      if (company.isEmpty()) {
        return Optional.empty();
      }
      List<UUID> linked = new ArrayList<>();
      plain.path("s").forEach(s -> uuid(s.asText(null)).ifPresent(linked::add));
      List<UUID> live = sites.byCompanies(h, List.of(company.get().id())).stream().map(Site::id).toList();
      linked.retainAll(live);
      Prefill prefill = new Prefill(plain.path("u").asText(null), linked, List.of(), null, null,
          date(plain.path("d").asText(null)));
      Company c = company.get();
      return Optional.of(new HostedCompanyLink(c.organizationId(), c.environment(), c.id(), c.name(), prefill));
    }));
  }

  /**
   * The edit link {@code secret} under {@code publicCompanyId}: empty when it was altered, made under
   * another public id or server secret, is a company link's, or its connection or company is gone.
   */
  public Optional<HostedConnectionLink> openConnectionLink(String publicCompanyId, String secret) {
    return open(Kind.CONNECTION, publicCompanyId, secret).flatMap(plain -> jdbi.inTransaction(h -> {
      Optional<Connection> connection = uuid(plain.path("w").asText(null)).flatMap(id -> connections.find(h, id));
      Optional<Company> company = connection.flatMap(c -> companies.find(h, c.companyId()))
          .filter(c -> c.publicId().equals(publicCompanyId));
      if (company.isEmpty()) {
        return Optional.empty();
      }
      Company c = company.get();
      return Optional.of(new HostedConnectionLink(c.organizationId(), c.environment(), c.id(), c.name(),
          connection.get().id()));
    }));
  }

  private String seal(Kind kind, String publicCompanyId, ObjectNode plain) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      byte[] bytes = Json.MAPPER.writeValueAsBytes(plain);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(VERSION, kind, publicCompanyId));
      byte[] sealed = ByteBuffer.allocate(1 + NONCE_BYTES + cipher.getOutputSize(bytes.length))
          .put(VERSION).put(nonce).array();
      cipher.doFinal(bytes, 0, bytes.length, sealed, 1 + NONCE_BYTES);
      return ENCODER.encodeToString(sealed);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not seal a magic link", e);
    }
  }

  private Optional<JsonNode> open(Kind kind, String publicCompanyId, String secret) {
    if (publicCompanyId == null || secret == null || secret.length() > MAX_SECRET_CHARS
        || !secret.matches("[A-Za-z0-9_-]+") || publicCompanyId.length() > 64) {
      return Optional.empty();
    }
    byte[] sealed;
    try {
      sealed = Base64.getUrlDecoder().decode(secret);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // Base64 decoding ignores nothing here, but several spellings can still decode to the same bytes
    // (the unused low bits of the last character): only the canonical one is accepted.
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION
        || !ENCODER.encodeToString(sealed).equals(secret)) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(associatedData(sealed[0], kind, publicCompanyId));
      byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
      JsonNode node = Json.MAPPER.readTree(plain);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
    }
  }

  private static byte[] associatedData(byte version, Kind kind, String publicCompanyId) {
    return (PURPOSE + "|" + version + "|" + kind.name() + "|" + publicCompanyId).getBytes(StandardCharsets.UTF_8);
  }

  private static Optional<UUID> uuid(String raw) {
    try {
      return raw == null ? Optional.empty() : Optional.of(UUID.fromString(raw));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static LocalDate date(String raw) {
    try {
      return raw == null ? null : LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "MagicLinks[AES-256-GCM, v" + VERSION + "]";
  }
}

package io.nectar.invitations;

import io.nectar.http.Api;
import io.nectar.http.Fields;
import io.nectar.meters.DatasourceType;
import io.nectar.providers.ProviderRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The body of both invitation creates (nectar-api.md §11.1). Only the shape is checked here; the
 * service checks what needs the database or the clock (the sites are the company's, the start date's
 * bounds).
 *
 * @param allowedEmails lower-case, without duplicates; empty: anyone with the link
 * @param expiresInSeconds null: never expires
 * @param maxUses null: unlimited
 */
record InvitationInput(List<String> allowedEmails, Long expiresInSeconds, Integer maxUses, Delivery delivery,
    Prefill prefill) {

  /** Whether to e-mail each allowed address its pre-verified link. */
  enum Delivery { SEND_EMAIL, NONE }

  /** At most this many addresses per invitation: each may get an e-mail. */
  static final int MAX_EMAILS = 100;
  /** The longest an invitation may stay open: a year (nectar-api.md gives no limit; an open link is a risk). */
  static final long MAX_EXPIRY_SECONDS = 365L * 24 * 60 * 60;
  static final long MIN_EXPIRY_SECONDS = 60;

  static InvitationInput read(Fields fields, InvitationType type) {
    List<String> emails = fields.emailList("allowedEmails", MAX_EMAILS);
    Long expires = fields.integer("expiresInSeconds", MIN_EXPIRY_SECONDS, MAX_EXPIRY_SECONDS, Fields.Empty.ALLOWED);
    Long maxUses = fields.integer("maxUses", 1, Integer.MAX_VALUE, Fields.Empty.ALLOWED);
    Boolean sendEmail = fields.bool("sendEmail");
    Fields prefillFields = fields.object("prefill");
    Prefill prefill = prefillFields == null ? Prefill.NONE : prefill(prefillFields);
    List<String> allowed = emails == null ? List.of()
        : emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
    // Named on allowedEmails, the field that must change (the document states the rule there too). An
    // allowedEmails that failed its own checks is reported already.
    if (Boolean.TRUE.equals(sendEmail) && allowed.isEmpty() && (emails != null || !fields.has("allowedEmails"))) {
      fields.reject("allowedEmails", "sendEmail is true, so give at least one address: the e-mail goes to these "
          + "addresses (without them the invitation is open to anyone with the link, and nobody to e-mail).");
    }
    if (type == InvitationType.EDIT_CONNECTION && prefillFields != null && !prefillFields.isEmpty()) {
      fields.reject("prefill", "A reconnect invitation (EDIT_CONNECTION) keeps its connection's settings, so it "
          + "takes no prefill: leave prefill out or send {}.");
    }
    fields.finish();
    return new InvitationInput(allowed, expires, maxUses == null ? null : maxUses.intValue(),
        Boolean.TRUE.equals(sendEmail) ? Delivery.SEND_EMAIL : Delivery.NONE,
        type == InvitationType.EDIT_CONNECTION ? Prefill.NONE : prefill);
  }

  /**
   * The prefill object, or the body of a legacy company magic link ({@code sites}, {@code url},
   * {@code dataCollectionStartDate}): {@code sitesField} names its list of sites.
   */
  private static Prefill prefill(Fields fields) {
    String url = fields.text("url", 500, Fields.Empty.ALLOWED);
    // Nectar's guide also calls the utility "datasourceId"; this server knows a utility by its URL.
    String datasourceId = fields.text("datasourceId", 500, Fields.Empty.ALLOWED);
    List<UUID> sites = sites(fields, "initialSites");
    List<String> rawTypes = fields.textList("utilityTypes", DatasourceType.values().length, 20);
    String country = fields.text("country", 2, Fields.Empty.ALLOWED);
    String owner = fields.email("connectionOwnerEmail", Fields.Empty.ALLOWED);
    LocalDate start = fields.date("dataCollectionStartDate", Fields.Empty.ALLOWED);
    if (url != null && datasourceId != null && !url.equals(datasourceId)) {
      fields.reject("datasourceId", "datasourceId is another name for url: give one of them, or the same value.");
    }
    String utility = url != null ? url : datasourceId;
    if (utility != null && !ProviderRegistry.isWebAddress(utility)) {
      fields.reject(url != null ? "url" : "datasourceId", "Enter a valid URL, e.g. https://nectarclimate.com.");
    }
    if (country != null && !country.matches("[A-Za-z]{2}")) {
      fields.reject("country", "\"" + country + "\" is not a valid choice: use a two-letter country code.");
    }
    LinkedHashSet<DatasourceType> types = new LinkedHashSet<>();
    if (rawTypes != null) {
      for (String raw : rawTypes) {
        DatasourceType.parse(raw).ifPresentOrElse(types::add,
            () -> fields.reject("utilityTypes", "\"" + raw + "\" is not a valid choice."));
      }
    }
    fields.finish();
    return new Prefill(utility, sites, List.copyOf(types),
        country == null ? null : country.toUpperCase(Locale.ROOT),
        owner == null ? null : owner.toLowerCase(Locale.ROOT), start);
  }

  /** The legacy company magic link's optional body: {@code {sites, url, dataCollectionStartDate}}. */
  static Prefill readMagicLink(Fields fields) {
    String url = fields.text("url", 500, Fields.Empty.ALLOWED);
    List<UUID> sites = sites(fields, "sites");
    LocalDate start = fields.date("dataCollectionStartDate", Fields.Empty.ALLOWED);
    if (url != null && !ProviderRegistry.isWebAddress(url)) {
      fields.reject("url", "Enter a valid URL, e.g. https://nectarclimate.com.");
    }
    fields.finish();
    return new Prefill(url, sites, List.of(), null, null, start);
  }

  private static List<UUID> sites(Fields fields, String name) {
    List<String> raw = fields.textList(name, 100, 36);
    LinkedHashSet<UUID> sites = new LinkedHashSet<>();
    if (raw != null) {
      for (String id : raw) {
        Api.uuid(id).ifPresentOrElse(sites::add, () -> fields.reject(name, "\"" + id + "\" is not a valid UUID."));
      }
    }
    return List.copyOf(sites);
  }
}

package io.nectar.providers;

/**
 * A source of utility data behind a provider URL: it checks credentials, discovers the accounts and
 * meters they give access to, and collects bills and interval readings. Implementations must be
 * deterministic for the same request where they can (the sandbox is), must never log or return the
 * password, and report a provider-side failure as a {@link Validation} status, not an exception.
 */
public interface UtilityProvider {

  /** The provider's root URL as users type it, e.g. {@code https://nectarclimate.com}; the registry key. */
  String rootUrl();

  /** The utility's display name, shown as the connection's {@code datasource.name}. */
  String name();

  /** Logs in (or pretends to) and tells the resulting connection status. */
  Validation validate(CollectionRequest request);

  /**
   * Answers the one-time code the utility asked for when a login ended in
   * {@link ConnectionStatus#MFA_TOKEN_EXPIRED}: the account holder types it in the hosted connection
   * flow. A provider that never asks for one refuses every code.
   */
  default MfaAnswer answerMfa(CollectionRequest request, String code) {
    return MfaAnswer.refused(new Validation(ConnectionStatus.OTHER_ERROR,
        "This utility does not ask for one-time codes; connect again with the username and password."));
  }

  /**
   * Everything available since {@code request.startDate()}: accounts with their meters, bills and
   * intervals. Called only after a successful validation. Re-running it yields the same keys, so
   * ingestion can be idempotent.
   */
  Collection collect(CollectionRequest request);
}

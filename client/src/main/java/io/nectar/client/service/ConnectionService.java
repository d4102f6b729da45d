package io.nectar.client.service;

import io.nectar.client.Page;
import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.model.CompanyMagicLink;
import io.nectar.client.model.Connection;
import io.nectar.client.model.ConnectionFilter;
import io.nectar.client.model.NewConnection;
import io.nectar.client.model.NewMagicLink;
import java.util.UUID;

/**
 * Utility connections of a company: list (paginated, filterable), create with credentials, and
 * details with the discovered accounts. The legacy magic-link calls are here too because the API
 * puts them under {@code /connection}; new code should use {@link InvitationService}.
 */
public final class ConnectionService {
  private final Api api;

  public ConnectionService(Api api) {
    this.api = api;
  }

  public Page<Connection> list(UUID companyId) {
    return list(companyId, ConnectionFilter.NONE, RequestOptions.DEFAULT);
  }

  public Page<Connection> list(UUID companyId, ConnectionFilter filter) {
    return list(companyId, filter, RequestOptions.DEFAULT);
  }

  public Page<Connection> list(UUID companyId, ConnectionFilter filter, RequestOptions options) {
    return api.page("/connection/company/" + companyId, filter.query(), "connections", Connection.class, options, 1);
  }

  public Connection create(UUID companyId, NewConnection connection) {
    return create(companyId, connection, RequestOptions.DEFAULT);
  }

  public Connection create(UUID companyId, NewConnection connection, RequestOptions options) {
    return api.post("/connection/company/" + companyId, connection, Connection.class, options);
  }

  /** The connection with its accounts ({@code GET /connection/{id}/details}). */
  public Connection get(UUID connectionId) {
    return get(connectionId, RequestOptions.DEFAULT);
  }

  public Connection get(UUID connectionId, RequestOptions options) {
    return api.get("/connection/" + connectionId + "/details", Connection.class, options);
  }

  /** Deprecated by Nectar: a link for creating connections. Prefer {@link InvitationService#create}. */
  public CompanyMagicLink companyMagicLink(UUID companyId, NewMagicLink link) {
    return companyMagicLink(companyId, link, RequestOptions.DEFAULT);
  }

  public CompanyMagicLink companyMagicLink(UUID companyId, NewMagicLink link, RequestOptions options) {
    return api.post("/connection/company/" + companyId + "/link", link, CompanyMagicLink.class, options);
  }

  /**
   * Deprecated by Nectar: the connection with {@code connectionMagicLinkSecret} filled in, for the
   * legacy edit link. Prefer {@link InvitationService#reconnect}.
   */
  public Connection editMagicLink(UUID connectionId) {
    return editMagicLink(connectionId, RequestOptions.DEFAULT);
  }

  public Connection editMagicLink(UUID connectionId, RequestOptions options) {
    return api.get("/connection/" + connectionId, Connection.class, options);
  }
}

package io.nectar.hosted;

import io.nectar.connections.Connection;
import io.nectar.keys.Branding;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything a hosted page shows for one visit at one moment: who it is for (branded), where it
 * stands, and the choices the visitor has. Holds no secret: a page renders it as it is.
 *
 * @param connection the connection being repaired, or the one this visit created
 * @param utilities what this server can collect from, the sandbox first, filtered by the search
 * @param chosenUtility the utility whose credentials the form asks for (fixed by the link or picked)
 * @param sites the company's sites to choose from; empty when the link fixed them
 * @param canUpload whether the visitor may upload bills instead (not when repairing a connection)
 * @param notice a message about the last thing the visitor did (a wrong password, a refused code)
 */
public record Visit(
    HostedSession session,
    Branding branding,
    String companyName,
    Step step,
    Optional<Connection> connection,
    List<Utility> utilities,
    Utility chosenUtility,
    List<SiteChoice> sites,
    boolean canUpload,
    String notice) {

  /** A utility the visitor can pick. */
  public record Utility(String name, String url) {}

  /** A site the connection may be for. */
  public record SiteChoice(UUID id, String name, String address) {}

  public Visit {
    utilities = List.copyOf(utilities);
    sites = List.copyOf(sites);
  }
}

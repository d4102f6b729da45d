package io.nectar.users;

import java.util.UUID;

/** A person who signs in to the dashboard, always inside one organization. */
public record DashboardUser(UUID id, UUID organizationId, String organizationName, String email, Role role) {

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}

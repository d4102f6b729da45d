package io.nectar.users;

/** What a person may do in the dashboard: administrators also manage keys, branding and people. */
public enum Role {
  ADMIN,
  MEMBER
}

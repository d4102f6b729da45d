package io.nectar.invitations;

/** What an invitation lets its holder do (nectar-api.md §9.9). */
public enum InvitationType {
  /** Connect a new utility account to the company (POST /invitation/company/{id}). */
  CREATE_CONNECTION,
  /** Fix the credentials of one existing connection (POST /invitation/connection/{id}). */
  EDIT_CONNECTION
}

package io.nectar.invitations;

/** What can happen to an invitation; each is one entry of its event log ({@code GET /invitation/{id}}). */
public enum InvitationEventType {
  CREATED,
  EMAIL_SENT,
  EMAIL_FAILED,
  VIEWED,
  EMAIL_VERIFICATION_SENT,
  EMAIL_VERIFIED,
  EMAIL_REFUSED,
  USED,
  UPLOADED,
  REVOKED
}

package io.nectar.invitations;

import io.nectar.keys.Environment;
import java.util.List;
import java.util.UUID;

/**
 * What a public page may know about an invitation opened by its token: never the token itself.
 *
 * @param connectionId the connection to fix, for EDIT_CONNECTION only (null otherwise)
 * @param allowedEmails lower-case; empty means anyone with the link
 */
public record HostedInvitation(UUID id, UUID organizationId, Environment environment, UUID companyId,
    String companyName, InvitationType type, UUID connectionId, InvitationStatus status,
    List<String> allowedEmails, Prefill prefill) {

  public HostedInvitation {
    allowedEmails = List.copyOf(allowedEmails);
  }
}

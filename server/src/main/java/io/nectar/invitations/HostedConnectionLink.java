package io.nectar.invitations;

import io.nectar.keys.Environment;
import java.util.UUID;

/** A legacy edit magic link, opened: the connection whose credentials it lets its holder fix. */
public record HostedConnectionLink(UUID organizationId, Environment environment, UUID companyId,
    String companyName, UUID connectionId) {}

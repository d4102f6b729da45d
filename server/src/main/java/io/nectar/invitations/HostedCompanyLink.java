package io.nectar.invitations;

import io.nectar.keys.Environment;
import java.util.UUID;

/** A legacy company magic link, opened: whose company it connects to, and what it fills in. */
public record HostedCompanyLink(UUID organizationId, Environment environment, UUID companyId, String companyName,
    Prefill prefill) {}

package io.nectar.keys;

import java.time.Instant;
import java.util.UUID;

/** A tenant: it holds API keys, and through them companies and everything under them. */
public record Organization(UUID id, String name, Instant created) {}

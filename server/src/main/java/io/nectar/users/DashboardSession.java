package io.nectar.users;

import io.nectar.keys.Environment;
import java.util.UUID;

/** A signed-in browser: who it is, and which environment's data it is looking at. */
public record DashboardSession(UUID id, DashboardUser user, Environment environment) {}

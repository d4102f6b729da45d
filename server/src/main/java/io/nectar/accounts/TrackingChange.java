package io.nectar.accounts;

import java.util.List;
import java.util.UUID;

/** What a tracking update asks for: which accounts, tracked or not, and whether their meters follow. */
public record TrackingChange(List<UUID> accounts, boolean tracked, boolean updateMeters) {}

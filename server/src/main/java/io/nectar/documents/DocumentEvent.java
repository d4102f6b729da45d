package io.nectar.documents;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a document's history: what happened ({@code CREATED}, {@code USAGE_UPDATED},
 * {@code DELETED}), by whom ({@code api key …} or a process), and the details as JSON (for updates,
 * {@code {"usageId", "changes": {field: {"old", "new"}}}}).
 */
public record DocumentEvent(UUID id, UUID documentId, Instant at, String kind, String actor, String detail) {}

package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An upload job: one or more bill files read asynchronously into documents. The result lists are
 * filled once the job leaves {@code PENDING}. {@code company}, {@code siteId}, {@code created},
 * {@code updated} and {@code files} are this server's additions and null/empty against Nectar.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Job(UUID id, JobStatus status, List<UUID> parsedDocumentIds, int duplicates,
    List<UUID> duplicateDocumentIds, List<UUID> nonUtilityDocumentIds, String terminationReason, UUID company,
    UUID siteId, Instant created, Instant updated, List<JobFile> files) {
  public Job {
    parsedDocumentIds = Lists.copy(parsedDocumentIds);
    duplicateDocumentIds = Lists.copy(duplicateDocumentIds);
    nonUtilityDocumentIds = Lists.copy(nonUtilityDocumentIds);
    files = Lists.copy(files);
  }

  /**
   * Whether the job has finished. A status this SDK does not know counts as finished, so that
   * polling never waits for ever on a server newer than the SDK.
   */
  @JsonIgnore
  public boolean isTerminal() {
    return status != JobStatus.PENDING;
  }
}

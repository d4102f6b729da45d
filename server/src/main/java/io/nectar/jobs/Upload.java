package io.nectar.jobs;

import io.nectar.parsing.FileType;
import java.util.UUID;

/**
 * One uploaded file of a job, stored and hashed, on its way to becoming a document.
 *
 * @param id the upload's own id (one per file of a job); filing is idempotent per upload
 * @param siteId the site the caller named, or null to match by the bill's service address
 * @param blobKey where the original file is in the blob store
 * @param sha256 hex digest of the file's bytes
 */
record Upload(
    UUID id,
    UUID jobId,
    UUID companyId,
    UUID siteId,
    String fileName,
    FileType type,
    String blobKey,
    String sha256) {}

package io.nectar.documents;

import java.util.List;
import java.util.UUID;

/**
 * Where an uploaded document came from, kept beside it for de-duplication.
 *
 * @param uploadId the upload it was filed from: one document per upload, however often it is filed
 * @param fileSha256 hex digest of the file: the same file again is a duplicate
 * @param meterKeys the bill's meters as normalised numbers, or {@code "@TYPE"} for usage billed to the
 *     account without a meter number; kept because an unmatched bill has no usage rows to tell them
 */
public record UploadOrigin(UUID uploadId, String fileSha256, List<String> meterKeys) {
  public UploadOrigin {
    meterKeys = List.copyOf(meterKeys);
  }
}

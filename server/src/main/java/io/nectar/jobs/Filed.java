package io.nectar.jobs;

import java.util.UUID;

/**
 * What filing one reading did.
 *
 * @param documentId the new document (DOCUMENT, REVISION), or the earlier one it repeats (DUPLICATE)
 * @param detail a sentence for the job's per-file outcome
 */
record Filed(Outcome outcome, UUID documentId, String detail) {
  enum Outcome {
    /** A new document. */
    DOCUMENT,
    /** A new document that revises an earlier one of the same account and period ({@code revisedDocumentId}). */
    REVISION,
    /** The same bill as an earlier document (same file, or same account, meter, period and total). */
    DUPLICATE,
    /** Not a utility bill: nothing is created. */
    NOT_A_BILL
  }
}

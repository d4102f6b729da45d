package io.nectar.jobs;

/** What became of one file of a job. */
enum FileOutcome {
  /** A new document. */
  DOCUMENT,
  /** A new document revising an earlier one of the same account and period. */
  REVISION,
  /** The same bill as an earlier document: nothing new is created. */
  DUPLICATE,
  /** Read, and not a utility bill: nothing is created. */
  NOT_A_BILL,
  /** Refused or unreadable because of the file itself (empty, not a PDF/PNG/JPEG, corrupt, too large, ...). */
  UNREADABLE,
  /** A bulk URL that could not be fetched (refused address, error status, too large, too slow). */
  FETCH_FAILED,
  /** The server could not process a file that may be fine (no OCR program, repeated crashes). */
  FAILED;

  static FileOutcome of(Filed.Outcome filed) {
    return switch (filed) {
      case DOCUMENT -> DOCUMENT;
      case REVISION -> REVISION;
      case DUPLICATE -> DUPLICATE;
      case NOT_A_BILL -> NOT_A_BILL;
    };
  }

  boolean isRead() {
    return this == DOCUMENT || this == REVISION || this == DUPLICATE || this == NOT_A_BILL;
  }
}

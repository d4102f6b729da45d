package io.nectar.hosted;

/** Where a visit of the hosted flow stands, which decides the page it sees. */
public enum Step {
  /** The invitation is for certain addresses: the visitor gives theirs. */
  EMAIL,
  /** A code was sent to the address given; the visitor types it. */
  EMAIL_CODE,
  /** The visitor picks their utility (or chooses to upload bills). */
  UTILITY,
  /** Username and password for the chosen utility, or new ones for the connection being repaired. */
  CREDENTIALS,
  /** The utility asked for a one-time code. */
  MFA,
  /** The visitor uploads bills instead of connecting. */
  UPLOAD,
  /** The outcome, in plain words. */
  DONE
}

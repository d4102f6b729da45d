package io.nectar.documents;

import java.util.List;
import java.util.Set;

/**
 * A document already filed for an account and period, as de-duplication compares it with a new bill.
 *
 * @param superseded whether a later revision replaced it (it is soft-deleted, yet the same bill
 *     uploaded again is still a duplicate of it, not a revision of its revision)
 * @param meters the bill's meters, each as the normalised identifiers it is known by
 */
public record BillOnFile(Document document, boolean superseded, List<Set<String>> meters) {
  public BillOnFile {
    meters = List.copyOf(meters);
  }
}

package io.nectar.insights;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bills flagged for review, newest first (the first ones only), and how many there are. */
public record FlaggedBills(List<Bill> bills, long total) {

  public FlaggedBills {
    bills = List.copyOf(bills);
  }

  /** What the list shows of one flagged bill. */
  public record Bill(UUID id, LocalDate billDate, LocalDate startDate, LocalDate endDate, String utilityCompany,
      BigDecimal totalCharges, String chargesUnits, String flaggedStatus, String fileName,
      List<String> datasourceTypes) {}
}

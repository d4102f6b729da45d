package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bills a sandbox connection just generated (one per account), as a new month would bring. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SandboxBill(UUID connection, List<Bill> bills) {
  public SandboxBill {
    bills = Lists.copy(bills);
  }

  /** One generated bill. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Bill(String accountNumber, LocalDate startDate, LocalDate endDate, LocalDate billDate,
      BigDecimal totalCharges, String chargesUnits) {
  }
}

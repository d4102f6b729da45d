package io.nectar.providers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One bill (a Document): its period and money, the usage per meter, the charge lines, and the bill
 * file itself. Figures are exact decimals; line items sum to {@code totalCharges}.
 *
 * @param key unique and stable per connection (e.g. account number + period), for idempotent ingestion
 * @param billDate the last day of the billing period (CONTRACT §2)
 * @param pdf the bill as the utility issued it (the sandbox renders one from the same figures)
 */
public record ProviderBill(
    String key,
    String accountNumber,
    String utilityName,
    LocalDate startDate,
    LocalDate endDate,
    LocalDate billDate,
    LocalDate dueDate,
    String chargesUnits,
    BigDecimal totalCharges,
    BigDecimal taxCharges,
    List<ProviderUsage> usage,
    List<ProviderLineItem> lineItems,
    List<ProviderDemand> demand,
    String fileName,
    byte[] pdf) {}

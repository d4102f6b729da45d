package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A processed utility bill. The three API versions show different fields (nectar-api §8.5); this
 * record holds their union, so one type serves every base URL: fields a version does not send are
 * null (or empty lists). v2 has no line items, dates or balances; v2.1 adds {@code startDate},
 * {@code endDate}, {@code isFlagged}, {@code invoiceId} and {@code lineItems}; v2.2 adds the
 * balances and {@code demandMeters}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Document(UUID id, Instant created, Instant updated, String auditTrailUrl, String url,
    LocalDate billDate, LocalDate dueDate, String chargesUnits, BigDecimal totalCharges, String utilityCompany,
    String status, String flaggedStatus, UUID revisedDocumentId, String fileName, String email, UUID jobId,
    String notes, String sourceType, UUID company, LocalDate startDate, LocalDate endDate, Boolean isFlagged,
    String invoiceId, BigDecimal previousCloseBalance, BigDecimal afterPreviousTotalPayment,
    BigDecimal afterPreviousCharges, BigDecimal afterPreviousCredits, BigDecimal currentOpenBalance,
    BigDecimal currentCharges, BigDecimal credits, BigDecimal taxCharges, BigDecimal interestCharges,
    List<UsageData> usageData, List<LineItem> lineItems, List<DemandMeter> demandMeters) {
  public Document {
    usageData = Lists.copy(usageData);
    lineItems = Lists.copy(lineItems);
    demandMeters = Lists.copy(demandMeters);
  }
}

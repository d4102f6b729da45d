package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/** One charge line of a bill (v2.1 and later). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LineItem(String description, BigDecimal quantity, String quantityUnits, BigDecimal rate,
    BigDecimal totalCharge, List<String> multipliers, List<String> accountIds, String chargeType,
    String electricityChargeType, Boolean electricityIsDemand, String electricityTimeOfUse, String gasChargeType,
    String billingPeriod) {
  public LineItem {
    multipliers = Lists.copy(multipliers);
    accountIds = Lists.copy(accountIds);
  }
}

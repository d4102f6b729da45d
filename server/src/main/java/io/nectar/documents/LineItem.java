package io.nectar.documents;

import java.math.BigDecimal;
import java.util.UUID;

/** One charge line of a document. */
public record LineItem(
    UUID id,
    UUID documentId,
    int position,
    UUID meterId,
    String description,
    BigDecimal quantity,
    String quantityUnits,
    BigDecimal rate,
    BigDecimal totalCharge,
    String chargeType,
    String electricityChargeType,
    Boolean electricityIsDemand,
    String electricityTimeOfUse,
    String gasChargeType,
    String billingPeriod) {

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LineItem} by field name; unset fields are null, false or 0. */
  public static final class Builder {
    private UUID id;
    private UUID documentId;
    private int position;
    private UUID meterId;
    private String description;
    private BigDecimal quantity;
    private String quantityUnits;
    private BigDecimal rate;
    private BigDecimal totalCharge;
    private String chargeType;
    private String electricityChargeType;
    private Boolean electricityIsDemand;
    private String electricityTimeOfUse;
    private String gasChargeType;
    private String billingPeriod;

    private Builder() {}

    public Builder id(UUID id) {
      this.id = id;
      return this;
    }

    public Builder documentId(UUID documentId) {
      this.documentId = documentId;
      return this;
    }

    public Builder position(int position) {
      this.position = position;
      return this;
    }

    public Builder meterId(UUID meterId) {
      this.meterId = meterId;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder quantity(BigDecimal quantity) {
      this.quantity = quantity;
      return this;
    }

    public Builder quantityUnits(String quantityUnits) {
      this.quantityUnits = quantityUnits;
      return this;
    }

    public Builder rate(BigDecimal rate) {
      this.rate = rate;
      return this;
    }

    public Builder totalCharge(BigDecimal totalCharge) {
      this.totalCharge = totalCharge;
      return this;
    }

    public Builder chargeType(String chargeType) {
      this.chargeType = chargeType;
      return this;
    }

    public Builder electricityChargeType(String electricityChargeType) {
      this.electricityChargeType = electricityChargeType;
      return this;
    }

    public Builder electricityIsDemand(Boolean electricityIsDemand) {
      this.electricityIsDemand = electricityIsDemand;
      return this;
    }

    public Builder electricityTimeOfUse(String electricityTimeOfUse) {
      this.electricityTimeOfUse = electricityTimeOfUse;
      return this;
    }

    public Builder gasChargeType(String gasChargeType) {
      this.gasChargeType = gasChargeType;
      return this;
    }

    public Builder billingPeriod(String billingPeriod) {
      this.billingPeriod = billingPeriod;
      return this;
    }

    public LineItem build() {
      return new LineItem(id, documentId, position, meterId, description, quantity, quantityUnits, rate,
          totalCharge, chargeType, electricityChargeType, electricityIsDemand, electricityTimeOfUse, gasChargeType,
          billingPeriod);
    }
  }
}

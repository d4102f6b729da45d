package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One usage record: a meter's usage over a period, from one document. Like {@link Document} it
 * holds the union of the three versions' fields: {@code timeOfUse} is sent by v2 and v2.1,
 * {@code timeOfUseBreakdown} and the reading/tariff fields by v2.2, {@code updated},
 * {@code isEstimated}, {@code exclusion} and {@code electricityType} from v2.1 on. {@code document}
 * is filled on the usage endpoints and absent inside a document's own {@code usageData}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageData(UUID id, Instant created, Instant updated, LocalDate startDate, LocalDate endDate,
    BigDecimal usage, String usageUnits, Boolean isEstimated, BigDecimal netMeteringGeneratedKwh,
    BigDecimal netMeteringGridImportKwh, BigDecimal netMeteringGridExportKwh, Boolean exclusion, String timeOfUse,
    List<TimeOfUsePart> timeOfUseBreakdown, String serviceAddress, Boolean isImplied, BigDecimal currentReading,
    BigDecimal previousReading, BigDecimal multiplier, String multiplierDescription, BigDecimal multiplier2,
    String multiplier2Description, BigDecimal fractionRenewable, String tariff, BigDecimal billedDemand,
    String supplierName, String utilityName, String country, UUID meter, String meterAddress, Site site,
    List<MeterIdentifier> identifiers, DatasourceType datasourceType, String electricityType,
    String netMeteringType, String waterType, String meterHighLow, String gasType, String fuelType,
    String districtType, String districtMediumType, String wasteDescription, String refrigerantType,
    String wasteType, String wasteStream, Boolean meterIsTracked, Map<String, Object> additionalFields,
    DocumentSummary document) {
  public UsageData {
    timeOfUseBreakdown = Lists.copy(timeOfUseBreakdown);
    identifiers = Lists.copy(identifiers);
    additionalFields = Lists.copy(additionalFields);
  }
}

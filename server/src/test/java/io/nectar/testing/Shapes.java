package io.nectar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The exact key sets of the Document and UsageData objects in each API version (nectar-api.md §8,
 * CONTRACT §1; the javadoc of DocumentView and UsageView), written out by hand.
 */
public final class Shapes {
  private Shapes() {}

  /** The document fields every version shows; also the {@code document} embedded in usage objects. */
  public static final Set<String> DOCUMENT_SUMMARY = Set.of("id", "created", "updated", "auditTrailUrl", "url",
      "billDate", "dueDate", "chargesUnits", "totalCharges", "utilityCompany", "status", "flaggedStatus",
      "revisedDocumentId", "fileName", "email", "jobId", "notes", "sourceType");

  public static final Set<String> DOCUMENT_V2 = union(DOCUMENT_SUMMARY, Set.of("company", "usageData"));

  /** v2.1 adds the service period, isFlagged, invoiceId and lineItems. */
  public static final Set<String> DOCUMENT_V2_1 = union(DOCUMENT_V2,
      Set.of("startDate", "endDate", "isFlagged", "invoiceId", "lineItems"));

  /** v2.2 adds the balance fields, taxCharges, interestCharges and demandMeters. */
  public static final Set<String> DOCUMENT_V2_2 = union(DOCUMENT_V2_1, Set.of("previousCloseBalance",
      "afterPreviousTotalPayment", "afterPreviousCharges", "afterPreviousCredits", "currentOpenBalance",
      "currentCharges", "credits", "taxCharges", "interestCharges", "demandMeters"));

  /** A v2 usage row without its embedded document. */
  public static final Set<String> USAGE_V2 = Set.of("id", "created", "startDate", "endDate", "usage", "usageUnits",
      "meter", "meterAddress", "site", "identifiers", "datasourceType", "timeOfUse", "netMeteringType", "waterType",
      "meterHighLow", "gasType", "fuelType", "districtType", "districtMediumType", "wasteDescription",
      "refrigerantType", "wasteType", "wasteStream", "meterIsTracked", "additionalFields");

  /** v2.1 adds updated, isEstimated, the solar figures, exclusion and electricityType. */
  public static final Set<String> USAGE_V2_1 = union(USAGE_V2, Set.of("updated", "isEstimated",
      "netMeteringGeneratedKwh", "netMeteringGridImportKwh", "exclusion", "electricityType"));

  /** v2.2: timeOfUseBreakdown replaces timeOfUse; the readings, tariff, export and utility fields are added. */
  public static final Set<String> USAGE_V2_2 = union(minus(USAGE_V2_1, "timeOfUse"), Set.of("timeOfUseBreakdown",
      "serviceAddress", "isImplied", "currentReading", "previousReading", "multiplier", "multiplierDescription",
      "multiplier2", "multiplier2Description", "fractionRenewable", "netMeteringGridExportKwh", "tariff",
      "billedDemand", "supplierName", "utilityName", "country"));

  public static final Set<String> LINE_ITEM = Set.of("description", "quantity", "quantityUnits", "rate",
      "totalCharge", "multipliers", "accountIds", "chargeType", "electricityChargeType", "electricityIsDemand",
      "electricityTimeOfUse", "gasChargeType", "billingPeriod");

  public static final Set<String> DEMAND_METER = Set.of("startDate", "endDate", "isEstimated", "demandUsage",
      "demandUsageUnits", "description", "demandType", "usageDataIds");

  public static final Set<String> TIME_OF_USE_PART = Set.of("timeOfUse", "usage", "usageUnits", "description",
      "startDate", "endDate");

  public static final Set<String> SITE = Set.of("id", "name", "dataCollectionStopDate", "externalId", "address",
      "path", "occupancyPercent");

  public static final Set<String> IDENTIFIER = Set.of("rawName", "value", "name");

  public static Set<String> document(String prefix) {
    return switch (prefix) {
      case "/v2" -> DOCUMENT_V2;
      case "/v2.1" -> DOCUMENT_V2_1;
      case "/v2.2" -> DOCUMENT_V2_2;
      default -> throw new IllegalArgumentException(prefix);
    };
  }

  /** A usage row's keys; {@code withDocument} for lists and details, which embed the document. */
  public static Set<String> usage(String prefix, boolean withDocument) {
    Set<String> keys = switch (prefix) {
      case "/v2" -> USAGE_V2;
      case "/v2.1" -> USAGE_V2_1;
      case "/v2.2" -> USAGE_V2_2;
      default -> throw new IllegalArgumentException(prefix);
    };
    return withDocument ? union(keys, Set.of("document")) : keys;
  }

  public static List<String> keys(JsonNode object) {
    assertThat(object.isObject()).as("an object: %s", object).isTrue();
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** Asserts that nothing in {@code node} is a JSON number: decimals travel as strings (CONTRACT §2). */
  public static void assertNoNumbers(JsonNode node, String where) {
    if (node.isNumber()) {
      throw new AssertionError("a JSON number at " + where + ": " + node);
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> assertNoNumbers(e.getValue(), where + "." + e.getKey()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        assertNoNumbers(node.get(i), where + "[" + i + "]");
      }
    }
  }

  /** A copy without the signed links ({@code url}, {@code auditTrailUrl}), whose expiry moves with time. */
  public static JsonNode withoutLinks(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      ((ObjectNode) node).remove(List.of("url", "auditTrailUrl"));
      for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
        strip(it.next());
      }
    } else if (node.isArray()) {
      node.forEach(Shapes::strip);
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static Set<String> minus(Set<String> a, String key) {
    Set<String> rest = new LinkedHashSet<>(a);
    rest.remove(key);
    return Set.copyOf(rest);
  }
}

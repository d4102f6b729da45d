package io.nectar.jobs;

import io.nectar.accounts.Account;
import io.nectar.documents.UploadOrigin;
import io.nectar.meters.DatasourceType;
import io.nectar.meters.Meter;
import io.nectar.meters.MeterService;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.ExtractedBill.MeterUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The meters a bill's usage figures belong to: each figure's key ({@link BillMeterKeys}) and utility
 * type, then the company's meter with that identifier and type, or a new meter on the bill's site.
 */
final class BillFilerMeters {
  /** One usage figure with the meter key and utility type it is filed under. */
  record Entry(MeterUsage usage, String key, String datasourceType) {}

  private final List<Entry> entries;
  private final Map<String, String> typeByKey = new LinkedHashMap<>();
  private final Map<String, String> numberByKey = new HashMap<>();
  private final Map<String, Meter> known = new LinkedHashMap<>();
  private final Map<String, UUID> meterIds = new HashMap<>();
  private final Map<String, UUID> siteIds = new HashMap<>();

  private BillFilerMeters(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Entry e : entries) {
      typeByKey.putIfAbsent(e.key(), e.datasourceType());
      String number = BillMeterKeys.text(e.usage().meterNumber());
      if (number != null) {
        numberByKey.putIfAbsent(e.key(), number);
      }
    }
  }

  static BillFilerMeters read(ExtractedBill bill, List<String> flags) {
    Optional<DatasourceType> billType = Optional.ofNullable(bill.datasourceType()).map(f -> f.value())
        .flatMap(DatasourceType::parse);
    List<Entry> entries = new ArrayList<>();
    for (MeterUsage u : bill.meters()) {
      DatasourceType type = billType.or(() -> fromUnits(u.usageUnits())).orElse(null);
      if (type == null) {
        type = DatasourceType.MISC;
        flags.add("the utility type was not found on the bill");
      }
      entries.add(new Entry(u, BillMeterKeys.of(u, type.name()), type.name()));
    }
    return new BillFilerMeters(entries);
  }

  /** The utility a unit measures when the unit tells (kWh is electricity; cubic metres could be gas or water). */
  private static Optional<DatasourceType> fromUnits(String units) {
    if (units == null) {
      return Optional.empty();
    }
    if (Set.of("Wh", "kWh", "MWh", "GWh", "kVA").contains(units)) {
      return Optional.of(DatasourceType.ELECTRICITY);
    }
    if (units.startsWith("thm") || units.startsWith("Dth") || Set.of("CCF", "HCF", "MCF", "MMCF", "MMBtu").contains(units)) {
      return Optional.of(DatasourceType.GAS);
    }
    if (units.contains("gal")) {
      return Optional.of(DatasourceType.WATER);
    }
    return Optional.empty();
  }

  static String serviceAddress(ExtractedBill bill) {
    return BillMeterKeys.text(bill.serviceAddress());
  }

  List<Entry> entries() {
    return entries;
  }

  /** The bill's meter keys, sorted. */
  List<String> keys() {
    return List.copyOf(new TreeSet<>(typeByKey.keySet()));
  }

  /**
   * Finds the company's meters for the bill's keys: by meter number among every identifier of the
   * company's meters of the same utility type (a meter of the account first); usage billed to the
   * account without a meter number goes to the account's only meter of that type, or a meter
   * identified by the account number.
   */
  void matchKnown(Handle h, MeterService meters, UUID companyId, String accountNumber, List<Account> sameNumber) {
    Set<UUID> accountIds = new java.util.HashSet<>(sameNumber.stream().map(Account::id).toList());
    for (var e : typeByKey.entrySet()) {
      String key = e.getKey();
      String type = e.getValue();
      List<Meter> found;
      if (!key.startsWith("@")) {
        found = meters.byIdentifier(h, companyId, key);
      } else if (accountNumber == null) {
        continue;
      } else {
        List<Meter> ofAccounts = meters.byAccounts(h, accountIds).values().stream().flatMap(List::stream)
            .filter(m -> m.datasourceType().name().equals(type)).toList();
        found = ofAccounts.size() == 1 ? ofAccounts : meters.byIdentifier(h, companyId, accountNumber);
      }
      found.stream().filter(m -> m.datasourceType().name().equals(type))
          .min(java.util.Comparator.comparing((Meter m) -> !accountIds.contains(m.accountId())))
          .ifPresent(m -> {
            known.put(key, m);
            meterIds.put(key, m.id());
            siteIds.put(key, m.siteId());
          });
    }
  }

  /** The site of the first meter the company already had, if any. */
  Optional<UUID> knownSite() {
    return known.values().stream().map(Meter::siteId).findFirst();
  }

  /** The account of a known meter, when it is one of the accounts with the bill's number. */
  Optional<UUID> knownAccount(List<Account> sameNumber) {
    Set<UUID> ids = new java.util.HashSet<>(sameNumber.stream().map(Account::id).toList());
    return known.values().stream().map(Meter::accountId).filter(ids::contains).findFirst();
  }

  /** Adds, on {@code siteId}, the meters the company does not have yet (found again by their key next time). */
  void createNew(Handle h, MeterService meters, Supplier<UUID> ids, UUID companyId, UUID siteId, UUID accountId,
      String accountNumber, String address, Instant now, List<String> flags) {
    for (var e : typeByKey.entrySet()) {
      String key = e.getKey();
      if (known.containsKey(key)) {
        continue;
      }
      String number = numberByKey.get(key);
      List<Meter.Identifier> identifiers;
      if (number != null) {
        identifiers = List.of(new Meter.Identifier("Meter Number", number, "METER"));
      } else if (accountNumber != null) {
        identifiers = List.of(new Meter.Identifier("Account Number", accountNumber, "ACCOUNT"));
      } else {
        flags.add(e.getValue() + " usage has neither a meter nor an account number: no usage row was filed for it");
        continue;
      }
      String providerKey = "upload:" + e.getValue() + ":" + (number != null ? key
          : "account:" + io.nectar.meters.Identifiers.normalize(accountNumber));
      UUID id = meters.upsertUploaded(h, new Meter(ids.get(), companyId, siteId, null, accountId, providerKey,
          DatasourceType.valueOf(e.getValue()), address, Map.of(), true, identifiers, now, now));
      meterIds.put(key, id);
      siteIds.put(key, siteId);
    }
  }

  Optional<UUID> meterId(String key) {
    return Optional.ofNullable(meterIds.get(key));
  }

  UUID siteOf(String key) {
    return siteIds.get(key);
  }

  /** The meter id of a charge's meter number, when the bill names it. */
  UUID meterOfNumber(String meterNumber) {
    if (meterNumber == null || meterNumber.isBlank()) {
      return null;
    }
    return meterIds.get(io.nectar.meters.Identifiers.normalize(meterNumber));
  }

  /** The utility types the bill's usage is of, sorted, for the document's filter. */
  List<String> datasourceTypes() {
    return List.copyOf(new TreeSet<>(typeByKey.values()));
  }

  UploadOrigin origin(Upload upload) {
    return new UploadOrigin(upload.id(), upload.sha256(), keys());
  }
}

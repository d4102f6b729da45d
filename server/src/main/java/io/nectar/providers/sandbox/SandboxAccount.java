package io.nectar.providers.sandbox;

import io.nectar.meters.DatasourceType;
import io.nectar.providers.ProviderMeter;
import java.util.UUID;

/**
 * One generated utility account: where it is, what it meters, and the constants that size its
 * bills. A sandbox account has exactly one meter.
 *
 * @param siteIndex the site's position in the connection's site list, part of every seed
 * @param siteScale how large the site is relative to a typical 50,000 sq ft office (0.6 to 1.8)
 * @param equipmentScale a per-account size, e.g. the solar array's capacity in kW
 */
record SandboxAccount(
    UUID connectionId,
    int siteIndex,
    DatasourceType type,
    String accountNumber,
    ProviderMeter meter,
    SandboxLocale locale,
    double siteScale,
    double equipmentScale) {

  String meterKey() {
    return meter.key();
  }
}

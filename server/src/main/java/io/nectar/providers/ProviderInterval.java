package io.nectar.providers;

import java.math.BigDecimal;
import java.time.Instant;

/** One interval reading of a meter (e.g. an hour of kWh). */
public record ProviderInterval(String meterKey, Instant start, Instant end, BigDecimal usage, String usageUnits,
    String quality) {}

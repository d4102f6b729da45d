package io.nectar.providers.sandbox;

import io.nectar.providers.ProviderDemand;
import io.nectar.providers.ProviderLineItem;
import io.nectar.providers.ProviderUsage;
import java.util.List;

/**
 * What one utility bills for one calendar month before the sales tax is added.
 *
 * @param lines the charge lines, possibly including per-unit taxes (chargeType TAX)
 * @param hourlyWattHours the meter's hourly readings in thousandths of the usage unit (Wh for kWh),
 *     one per UTC hour of the month, summing exactly to the usage; null for meters read monthly
 */
record MonthlyCharges(ProviderUsage usage, List<ProviderLineItem> lines, List<ProviderDemand> demand,
    long[] hourlyWattHours) {}

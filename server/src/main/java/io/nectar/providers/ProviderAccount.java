package io.nectar.providers;

import java.util.List;

/** A utility account and its meters, keyed by account number (unique within a connection). */
public record ProviderAccount(String accountNumber, List<ProviderMeter> meters) {}

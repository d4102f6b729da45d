package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One identifier of a meter (meter number, account number, POD, NMI, ...): {@code name} is the
 * normalised type, {@code rawName} the label printed on the bill.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeterIdentifier(String rawName, String value, String name) {
}

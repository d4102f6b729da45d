package io.nectar.documents;

import io.nectar.usage.UsageDetails;
import java.util.List;

/** A document with its usage rows, charge lines and demand readings. */
public record DocumentDetails(Document document, List<UsageDetails> usage, List<LineItem> lineItems,
    List<DemandReading> demand) {}

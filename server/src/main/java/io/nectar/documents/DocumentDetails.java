package io.nectar.documents;

import java.util.List;

/** A document with its usage rows, charge lines and demand readings. */
public record DocumentDetails(Document document, List<DocumentUsage.Row> usage, List<LineItem> lineItems,
    List<DemandReading> demand) {}

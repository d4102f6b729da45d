package io.nectar.parsing;

/** Stage 4 for layouts with no template: reads what it can off any bill. */
public interface Extractor {
  ExtractedBill extract(BillText text, Detection detection);
}

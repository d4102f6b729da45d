package io.nectar.parsing;

import java.util.Optional;

/** Stage 3 and 4 for known layouts: which template claims a bill, and what it reads off it. */
public interface Layouts {
  /** The id of the layout whose identifying keywords the text carries, if any. */
  Optional<String> match(BillText text);

  ExtractedBill extract(String layoutId, BillText text);
}

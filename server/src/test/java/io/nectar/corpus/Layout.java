package io.nectar.corpus;

import java.util.SplittableRandom;

/** A bill layout the generator draws: one issuer's structure, filled with random but seeded figures. */
interface Layout {
  /** The layout's id, also the name of its template {@code layouts/<id>.yaml}. */
  String id();

  /** The {@code index}-th bill of this layout; the same random state always gives the same bill. */
  GeneratedBill generate(SplittableRandom random, int index);
}

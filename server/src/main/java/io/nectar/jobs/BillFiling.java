package io.nectar.jobs;

import io.nectar.parsing.Reading;

/**
 * Stages 7 to 9: de-duplicate, match meter and site, and write the document with its usage, line
 * items, demand and {@code document.created.v2} event in one transaction. Idempotent per upload:
 * filing the same upload twice (a worker died after writing) returns the first outcome.
 */
interface BillFiling {
  Filed file(Upload upload, Reading reading);
}

package io.nectar.corpus;

/**
 * One generated bill: its text PDF and the truth beside it.
 *
 * @param name file name without extension, unique within the corpus, e.g. {@code gen-gas-ccf-007}
 */
record GeneratedBill(String name, byte[] pdf, BillTruth truth) {}

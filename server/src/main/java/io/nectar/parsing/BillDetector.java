package io.nectar.parsing;

/** Stage 3 for layouts nobody wrote a template for: utility bill or not, and which utility. */
public interface BillDetector {
  Detection detect(BillText text);
}

package io.nectar.parsing.normal;

/** How a bill writes decimals: {@code 1,234.56} (POINT), {@code 1.234,56} (COMMA), or judged per amount (AUTO). */
public enum DecimalStyle {
  POINT,
  COMMA,
  AUTO
}

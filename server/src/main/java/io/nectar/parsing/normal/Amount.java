package io.nectar.parsing.normal;

import java.math.BigDecimal;

/**
 * An amount read off a bill.
 *
 * @param value exact, negative for a credit
 * @param currency ISO 4217 when a symbol or code was printed with it, else null
 * @param raw the text as printed
 */
public record Amount(BigDecimal value, String currency, String raw) {}

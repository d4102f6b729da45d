package io.nectar.parsing;

/**
 * Stage 3's answer for a file no layout claimed: is it a utility bill at all, and of which utility.
 *
 * @param datasourceType the API's utility type when it is a bill, else null
 * @param evidence a few words on why, for the job outcome and {@code ./nectar parse}
 */
public record Detection(boolean isBill, double confidence, String datasourceType, String evidence) {}

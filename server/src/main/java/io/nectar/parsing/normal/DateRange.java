package io.nectar.parsing.normal;

import java.time.LocalDate;

/** A printed period, both ends inclusive as printed. */
public record DateRange(LocalDate start, LocalDate end) {}

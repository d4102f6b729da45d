package io.nectar.insights;

/** What a figure counts: the quantity a meter measured, or the money its bills charged. */
public enum Measure { USAGE, COST }

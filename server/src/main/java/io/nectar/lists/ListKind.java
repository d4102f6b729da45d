package io.nectar.lists;

/** Which list a filter reads: documents, or usage rows. Each table carries the columns its filters need. */
public enum ListKind { DOCUMENTS, USAGE }

package io.nectar.keys;

/** A freshly created key together with its secret, which is never available again. */
public record CreatedKey(ApiKey key, String secret) {}

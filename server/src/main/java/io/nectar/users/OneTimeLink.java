package io.nectar.users;

import java.time.Instant;

/** A freshly made one-time link: its address holds the token, which is stored only as a hash. */
public record OneTimeLink(String url, LinkPurpose purpose, String email, Instant expires) {}

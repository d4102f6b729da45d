package io.nectar.users;

/** Why a one-time link was made; it decides what its page asks for. */
public enum LinkPurpose {
  /** Printed at the first start, before anyone exists: the visitor names their e-mail and becomes an administrator. */
  FIRST_ADMIN,
  /** Made by {@code nectar user create} for a named person: they choose their password. */
  SET_PASSWORD,
  /** An administrator invited a colleague: they choose their password. */
  INVITATION
}

package io.nectar.providers;


/** The outcome of a credential check: a status, and for an error status a detail a user can act on. */
public record Validation(ConnectionStatus status, String errorDetail) {

  public static Validation connected() {
    return new Validation(ConnectionStatus.CONNECTED, null);
  }
}

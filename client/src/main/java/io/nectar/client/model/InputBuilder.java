package io.nectar.client.model;

/**
 * What every builder of an input holds: the fields set so far. {@code B} is the builder itself, so that a
 * setter shared by two builders (a create and an update of the same resource) returns the caller's type.
 */
abstract class InputBuilder<B extends InputBuilder<B>> {
  final Fields fields = new Fields();

  /** Sets a field and returns this builder. */
  @SuppressWarnings("unchecked")
  final B set(String name, Object value) {
    fields.put(name, value);
    return (B) this;
  }
}

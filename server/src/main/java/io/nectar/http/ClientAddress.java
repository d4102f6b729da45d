package io.nectar.http;

import io.javalin.http.Context;
import java.util.function.BinaryOperator;

/**
 * The address a request came from, as limits per address count it: the peer's, or behind a trusted load
 * balancer the one its {@code X-Forwarded-For} names (NECTAR_TRUSTED_PROXIES).
 */
public final class ClientAddress {
  private static final String ATTRIBUTE = "nectar.clientAddress";

  private ClientAddress() {}

  public static String of(Context ctx) {
    String remembered = ctx.attribute(ATTRIBUTE);
    return remembered != null ? remembered : ctx.ip();
  }

  static void remember(Context ctx, BinaryOperator<String> clientOf) {
    ctx.attribute(ATTRIBUTE, clientOf.apply(ctx.ip(), ctx.header("X-Forwarded-For")));
  }
}

package io.nectar.webhooks;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.Promise;

/**
 * Resolves names with {@code dns} and lets a connect go ahead only if {@code guard} allows every
 * address found: the check happens at connect time, on the addresses actually dialled, so a name
 * that resolves elsewhere later (DNS rebinding) is still refused. Webhook delivery and the upload
 * fetcher both connect through it.
 */
public final class GuardedResolver implements SocketAddressResolver {
  private final SocketAddressResolver dns;
  private final TargetGuard guard;

  public GuardedResolver(SocketAddressResolver dns, TargetGuard guard) {
    this.dns = dns;
    this.guard = guard;
  }

  @Override
  public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
    dns.resolve(host, port, context, Promise.from(addresses -> {
      try {
        guard.check(host, addresses.stream().map(InetSocketAddress::getAddress).toList());
        promise.succeeded(addresses);
      } catch (TargetGuard.RefusedTarget refused) {
        promise.failed(refused);
      }
    }, promise::failed));
  }
}

package io.nectar.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.nectar.config.Config;
import io.nectar.db.Database;
import io.nectar.webhooks.DeliveryWorker;
import io.nectar.webhooks.TargetGuard;
import io.nectar.webhooks.WebhookService;
import io.nectar.webhooks.WebhookTransport;
import java.time.Clock;

/** The webhook feature: endpoints and outbox (the service), and the worker that delivers over the transport. */
record WebhookWiring(WebhookService service, DeliveryWorker deliveries) {
  private static final int RESPONSE_EXCERPT_BYTES = 4096;

  /** Wires the feature; the transport and worker are registered with {@code shutdown} as they are made. */
  static WebhookWiring wire(Config config, Clock clock, Database database, Services services, MeterRegistry meters,
      Shutdown shutdown) {
    Config.Webhooks settings = config.webhooks();
    WebhookService service = new WebhookService(database.jdbi(), clock, services.ids()::next, services.outbox(),
        services.cipher(), services.links(), config.publicUrl());
    WebhookTransport transport = shutdown.add(new WebhookTransport(new TargetGuard(settings.allowPrivateTargets()
        ? TargetGuard.Reach.ANY_ADDRESS : TargetGuard.Reach.PUBLIC_ONLY), settings.timeout(), RESPONSE_EXCERPT_BYTES));
    DeliveryWorker deliveries = shutdown.add(new DeliveryWorker(database.jdbi(), database.dataSource(), clock,
        services.ids()::next, services.cipher(), transport,
        new DeliveryWorker.Settings(settings.retrySchedule(), settings.disableAfter(), settings.timeout()), meters));
    return new WebhookWiring(service, deliveries);
  }
}

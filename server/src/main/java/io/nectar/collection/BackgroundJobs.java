package io.nectar.collection;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.nectar.connections.CollectionQueue;
import io.nectar.connections.ConnectionService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Background work on db-scheduler, in the server's own PostgreSQL: executions are claimed with row
 * locks and kept alive by heartbeats, so work survives restarts, an execution whose process died is
 * revived after a few missed heartbeats, and several server processes never run one execution twice.
 *
 * <ul>
 *   <li>{@code collect-connection}: one per connection after create (and after a revalidation), retried
 *       with exponential backoff when the provider fails;
 *   <li>{@code validate-connection}: re-checks one connection's credentials;
 *   <li>{@code validate-due-connections} (hourly): queues the weekly re-validation of every active
 *       connection last checked over 7 days ago;
 *   <li>{@code requeue-uncollected} (every minute): queues CONNECTED connections never collected, which a
 *       crash between their creation and their queueing would otherwise leave behind.
 * </ul>
 */
public final class BackgroundJobs implements CollectionQueue, AutoCloseable {
  /** Tunables; tests shorten them. */
  public record Settings(Duration heartbeat, Duration pollingInterval, Duration firstRetry, int maxRetries) {
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(30), 8);
    }
  }

  private static final Duration REVALIDATION_INTERVAL = Duration.ofDays(7);

  private final Scheduler scheduler;
  private final OneTimeTask<String> collectTask;
  private final OneTimeTask<String> validateTask;
  private final Clock clock;
  private final ConnectionService connections;

  public BackgroundJobs(DataSource dataSource, ConnectionService connections, Clock clock, Collector collector,
      Settings settings) {
    this.connections = connections;
    this.clock = clock;
    FailureHandler.MaxRetriesFailureHandler<String> retry = new FailureHandler.MaxRetriesFailureHandler<>(
        settings.maxRetries(), new FailureHandler.ExponentialBackoffFailureHandler<>(settings.firstRetry(), 2.0));
    this.collectTask = Tasks.oneTime("collect-connection", String.class)
        .onFailure(retry)
        .execute((instance, context) -> collector.collect(UUID.fromString(instance.getData())));
    this.validateTask = Tasks.oneTime("validate-connection", String.class)
        .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(settings.maxRetries(),
            new FailureHandler.ExponentialBackoffFailureHandler<>(settings.firstRetry(), 2.0)))
        .execute((instance, context) -> {
          UUID id = UUID.fromString(instance.getData());
          if (collector.revalidate(id)) {
            collectSoon(id);
          }
        });
    RecurringTask<Void> validateDue = Tasks.recurring("validate-due-connections", FixedDelay.ofHours(1))
        .execute((instance, context) -> queueDueValidations());
    RecurringTask<Void> requeue = Tasks.recurring("requeue-uncollected", FixedDelay.ofMinutes(1))
        .execute((instance, context) -> connections
            .connectedButNeverCollected(clock.instant().minus(Duration.ofMinutes(1)))
            .forEach(this::collectSoon));
    this.scheduler = Scheduler.create(dataSource, collectTask, validateTask)
        .startTasks(validateDue, requeue)
        .threads(4)
        .pollingInterval(settings.pollingInterval())
        .heartbeatInterval(settings.heartbeat())
        .missedHeartbeatsLimit(4)
        .enableImmediateExecution()
        .shutdownMaxWait(Duration.ofSeconds(5))
        .build();
  }

  public void start() {
    scheduler.start();
  }

  @Override
  public void collectSoon(UUID connectionId) {
    scheduler.scheduleIfNotExists(collectTask.instance(connectionId.toString(), connectionId.toString()), now());
  }

  void validateSoon(UUID connectionId) {
    scheduler.scheduleIfNotExists(validateTask.instance(connectionId.toString(), connectionId.toString()), now());
  }

  /** Queues the weekly check of every active connection last validated over 7 days ago (by the app clock). */
  public void queueDueValidations() {
    connections.dueForValidation(clock.instant().minus(REVALIDATION_INTERVAL)).forEach(this::validateSoon);
  }

  /** Execution times are on db-scheduler's own clock, the system's, whatever clock the application runs on. */
  private static Instant now() {
    return Instant.now();
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}

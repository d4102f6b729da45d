package io.nectar.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;

/**
 * Keeps off the test console the warnings tests provoke by design: every test server starts without an SMTP
 * server, so it says no invitation e-mail can leave; ShutdownTest makes parts fail to stop, with their traces; the S3 tests cut the store off. They still reach target/test.log and every appender a
 * test attaches (the tests that check them, and those that check no secret is ever logged).
 */
public final class ExpectedWarnings extends Filter<ILoggingEvent> {
  private static final Set<String> LOGGERS = Set.of("io.nectar.app.NectarServer",
      "io.nectar.invitations.InvitationMails", "io.nectar.app.Shutdown", "io.nectar.storage.S3BlobStore",
      "io.nectar.storage.BlobStoreHealth");

  @Override
  public FilterReply decide(ILoggingEvent event) {
    return event.getLevel() == Level.WARN && LOGGERS.contains(event.getLoggerName()) ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}

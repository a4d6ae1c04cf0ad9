package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.daemon.SimulatorFixture.ACCOUNT;
import static riskguard.app.daemon.SimulatorFixture.PATIENCE;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.Hub;

/**
 * A gateway that sends a malformed event: the daemon says what it skipped and why, naming the
 * hub and the event, and goes on guarding with what it had.
 */
class DaemonMalformedEventTest {

  @TempDir Path dir;
  GatewaySimulator sim;
  final ListAppender<ILoggingEvent> intakeLog = new ListAppender<>();

  @BeforeEach
  void start() throws Exception {
    sim = SimulatorFixture.start(0);
    intakeLog.start();
    ((Logger) LoggerFactory.getLogger(EventIntake.class)).addAppender(intakeLog);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(EventIntake.class)).detachAppender(intakeLog);
    sim.close();
  }

  @Test
  void malformedHubEventsAreSkippedWithWhatAndWhyAndTheDaemonGoesOnGuarding() throws Exception {
    var config = SimulatorFixture.config(sim.restUrl(), dir.resolve("riskguard.db"), """
          max_contracts:
            limit: 1
        """);
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();

      sim.sendHubEvent(Hub.USER, "GatewayUserPosition", Map.of("id", 9001, "accountId", ACCOUNT, "type", 1, "size", 7));
      sim.sendHubEvent(Hub.USER, "GatewayUserTrade", "not an object");
      Eventually.until("both malformed events were reported", PATIENCE, () -> warnings().size() >= 2);

      assertThat(warnings()).anySatisfy(line ->
          assertThat(line).contains("hub event skipped").contains("GatewayUserPosition").contains("contractId"));
      assertThat(warnings()).anySatisfy(line ->
          assertThat(line).contains("hub event skipped").contains("GatewayUserTrade").contains("not a JSON object"));
      assertThat(daemon.snapshot().accounts().get(0).positions()).as("nothing was made of the bad position")
          .isEmpty();

      sim.trader(ACCOUNT).buyMarket(ContractCatalogue.MNQ, 2);
      Eventually.until("RULE-001 closed the real breach that followed", PATIENCE,
          () -> SimulatorFixture.closed(sim, ContractCatalogue.MNQ) && sim.trader(ACCOUNT).positions().isEmpty());
    }
  }

  private List<String> warnings() {
    return intakeLog.list.stream()
        .filter(event -> event.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}

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
 * Events naming a contract the gateway does not know (the simulator refuses {@code searchById}
 * with {@code success: false, errorCode 1}): asked once and logged once, not for every event;
 * asked again after a reconnect's reconcile. A transport failure is not remembered.
 */
class DaemonUnknownContractTest {

  private static final String SEARCH_BY_ID = "/api/Contract/searchById";
  private static final String UNKNOWN = "CON.F.US.XXX.Z25";
  private static final String OTHER_UNKNOWN = "CON.F.US.YYY.Z25";

  @TempDir Path dir;
  GatewaySimulator sim;
  final ListAppender<ILoggingEvent> contractLog = new ListAppender<>();

  @BeforeEach
  void start() throws Exception {
    sim = SimulatorFixture.start(0);
    contractLog.start();
    ((Logger) LoggerFactory.getLogger(ContractCache.class)).addAppender(contractLog);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(ContractCache.class)).detachAppender(contractLog);
    sim.close();
  }

  @Test
  void aRefusedContractIsAskedForOnceLoggedOnceAndAskedAgainAfterAReconnect() throws Exception {
    var config = SimulatorFixture.config(sim.restUrl(), dir.resolve("riskguard.db"), "");
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();
      assertThat(sim.calls(SEARCH_BY_ID)).isEmpty();

      for (int i = 0; i < 5; i++) {
        flatPosition(9000 + i, UNKNOWN);
      }
      // events and lookups go in order: once the other contract is asked for, the five are done
      flatPosition(9100, OTHER_UNKNOWN);
      Eventually.until("the second unknown contract was asked for", PATIENCE, () -> asked(OTHER_UNKNOWN) == 1);

      assertThat(sim.calls(SEARCH_BY_ID)).allSatisfy(call -> assertThat(call.success()).isFalse());
      assertThat(asked(UNKNOWN)).as("searchById calls for the refused contract").isEqualTo(1);
      assertThat(warningsAbout(UNKNOWN)).singleElement().satisfies(line -> assertThat(line)
          .contains("refused").contains("errorCode 1").contains("taken as unknown"));

      int reconciles = sim.calls("/api/Position/searchOpen").size();
      sim.dropHubConnections(Hub.USER, false);
      Eventually.until("the daemon reconciled after the reconnect", PATIENCE,
          () -> sim.calls("/api/Position/searchOpen").size() > reconciles && sim.hubConnections(Hub.USER) > 0);
      Eventually.until("the refused contract was asked for again", PATIENCE, () -> {
        flatPosition(9200, UNKNOWN);
        return asked(UNKNOWN) >= 2;
      });
      flatPosition(9300, UNKNOWN);
      flatPosition(9101, OTHER_UNKNOWN);
      Eventually.until("the other contract was asked for again", PATIENCE, () -> asked(OTHER_UNKNOWN) == 2);
      assertThat(asked(UNKNOWN)).as("asked once more after the reconnect, not per event").isEqualTo(2);
      assertThat(warningsAbout(UNKNOWN)).as("not logged again").hasSize(1);
    }
  }

  @Test
  void aTransportFailureIsNotRememberedAndTheNextEventAsksAgain() throws Exception {
    var config = SimulatorFixture.config(sim.restUrl(), dir.resolve("riskguard.db"), "");
    try (Daemon daemon = Daemon.start(DaemonOptions.of(config))) {
      assertThat(daemon.awaitReady(PATIENCE)).isTrue();

      sim.failNext(3, 503, SEARCH_BY_ID);
      flatPosition(9000, ContractCatalogue.ES);
      Eventually.until("the lookup failed three times", PATIENCE, () -> asked(ContractCatalogue.ES) == 3);
      Eventually.until("the failure was logged", PATIENCE, () -> !warningsAbout(ContractCatalogue.ES).isEmpty());
      assertThat(warningsAbout(ContractCatalogue.ES)).singleElement()
          .satisfies(line -> assertThat(line).contains("metadata not fetched").doesNotContain("taken as unknown"));

      flatPosition(9001, ContractCatalogue.ES);
      Eventually.until("the next event asked again and got the contract", PATIENCE,
          () -> sim.calls(SEARCH_BY_ID).stream().anyMatch(call -> call.success()
              && call.body().contains(ContractCatalogue.ES)));
    }
  }

  private void flatPosition(long id, String contractId) {
    sim.sendHubEvent(Hub.USER, "GatewayUserPosition",
        Map.of("id", id, "accountId", ACCOUNT, "contractId", contractId, "size", 0));
  }

  private long asked(String contractId) {
    return sim.calls(SEARCH_BY_ID).stream().filter(call -> call.body().contains("\"" + contractId + "\"")).count();
  }

  private List<String> warningsAbout(String contractId) {
    List<ILoggingEvent> events;
    synchronized (contractLog) { // the appender appends under this lock: a copy while the daemon logs
      events = List.copyOf(contractLog.list);
    }
    return events.stream()
        .filter(event -> event.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .filter(line -> line.contains(contractId))
        .toList();
  }
}

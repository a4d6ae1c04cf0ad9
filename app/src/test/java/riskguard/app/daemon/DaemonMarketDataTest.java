package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.app.daemon.SimulatorFixture.ACCOUNT;
import static riskguard.app.daemon.SimulatorFixture.PATIENCE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.recording.RecordingEntry;
import riskguard.connectors.recording.RecordingReader;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.SimTrader;

/** Quotes follow open positions: they value them, breach on them, and land in the recording. */
class DaemonMarketDataTest {

  static final String UNREALIZED_LOSS_100_PER_POSITION = """
        daily_unrealized_loss:
          limit: 100
          scope: per_position
          action: close_position
      """;

  @TempDir Path dir;

  @Test
  void quotesOfAnOpenPositionValueItAndAnUnrealizedLossIsClosedAndEverythingIsRecorded() throws Exception {
    Path recordings = dir.resolve("recordings");
    try (GatewaySimulator sim = SimulatorFixture.start(0)) {
      SimTrader trader = sim.trader(ACCOUNT);
      RiskguardConfig config = SimulatorFixture.config(sim.restUrl(), dir.resolve("riskguard.db"),
          UNREALIZED_LOSS_100_PER_POSITION);
      try (Daemon daemon = Daemon.start(DaemonOptions.of(config).withRecordDir(recordings))) {
        assertThat(daemon.awaitReady(PATIENCE)).isTrue();
        trader.buyMarket(ContractCatalogue.MNQ, 1);
        Eventually.until("the daemon holds the position", PATIENCE,
            () -> !daemon.snapshot().accounts().get(0).positions().isEmpty());
        double entry = trader.position(ContractCatalogue.MNQ).orElseThrow().averagePrice();

        sim.market().setPrice(ContractCatalogue.MNQ, entry - 25.00);   // 25 points × $2 = −$50
        Eventually.until("the position is valued at the new quote", PATIENCE,
            () -> daemon.snapshot().accounts().get(0).unrealizedPnl() == -50.00);
        assertThat(sim.calls("/api/Position/closeContract")).isEmpty();

        sim.market().setPrice(ContractCatalogue.MNQ, entry - 60.00);   // −$120 < −$100
        Eventually.until("the losing position is closed", PATIENCE,
            () -> trader.positions().isEmpty() && SimulatorFixture.closed(sim, ContractCatalogue.MNQ));
        Eventually.until("the daemon saw it flat", PATIENCE,
            () -> daemon.snapshot().accounts().get(0).positions().isEmpty());
      }
    }

    Path recording;
    try (Stream<Path> files = Files.list(recordings)) {
      recording = files.filter(file -> file.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
    List<RecordingEntry> entries = new ArrayList<>();
    try (RecordingReader reader = RecordingReader.open(recording)) {
      assertThat(reader.header()).hasValueSatisfying(header -> assertThat(header.accounts()).containsExactly(ACCOUNT));
      reader.forEach(entries::add);
    }
    assertThat(entries).noneMatch(entry -> entry instanceof RecordingEntry.Bad);
    assertThat(entries).anyMatch(entry -> entry instanceof RecordingEntry.Contract contract
        && ContractCatalogue.MNQ.equals(contract.contractId()));
    assertThat(entries).anyMatch(entry -> entry instanceof RecordingEntry.Event event
        && event.target().equals("GatewayUserPosition") && event.data().path("size").asInt() == 1);
    assertThat(entries).anyMatch(entry -> entry instanceof RecordingEntry.Event event
        && event.target().equals("GatewayQuote") && ContractCatalogue.MNQ.equals(event.contractId()));
    assertThat(Files.readString(recording)).doesNotContain(GatewaySimulator.DEMO_API_KEY);
  }
}

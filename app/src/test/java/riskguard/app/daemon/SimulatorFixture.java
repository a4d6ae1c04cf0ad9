package riskguard.app.daemon;

import java.nio.file.Path;
import java.time.Duration;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.SimAccount;

/** A quiet simulator (prices move only when a test moves them) with one account. */
final class SimulatorFixture {

  static final long ACCOUNT = 536;
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private SimulatorFixture() {}

  static GatewaySimulator start(int port) throws Exception {
    GatewaySimulator sim = GatewaySimulator.builder()
        .port(port)
        .account(SimAccount.of(ACCOUNT, "50KTC-DAEMON", 50_000))
        .quoteInterval(Duration.ZERO)
        .start();
    sim.market().setPrice(ContractCatalogue.MNQ, 21_000.00);
    sim.market().setPrice(ContractCatalogue.ES, 5_800.00);
    return sim;
  }

  static RiskguardConfig config(String restUrl, Path database, String rules) {
    return SimulatorConfig.forSimulator(restUrl, GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY,
        database, rules);
  }

  static boolean closed(GatewaySimulator sim, String contractId) {
    return sim.calls("/api/Position/closeContract").stream()
        .anyMatch(call -> call.success() && call.body().contains("\"" + contractId + "\""));
  }
}

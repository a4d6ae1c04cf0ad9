package riskguard.app.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.SimAccount;

/** The end-to-end tests' world: a quiet gateway simulator, config files pointing at it, and patience. */
final class Gateway {

  static final long ACCOUNT = 777;
  static final String API_KEY_VARIABLE = "RISKGUARD_E2E_API_KEY";
  /** Generous: the build machine is shared; every wait polls a condition and ends as soon as it holds. */
  static final Duration PATIENCE = Duration.ofSeconds(90);

  private Gateway() {}

  static GatewaySimulator start() throws Exception {
    GatewaySimulator sim = GatewaySimulator.builder()
        .port(0)
        .account(SimAccount.of(ACCOUNT, "50KTC-E2E", 50_000))
        .quoteInterval(Duration.ZERO)
        .start();
    sim.market().setPrice(ContractCatalogue.MNQ, 21_000.00);
    sim.market().setPrice(ContractCatalogue.ES, 5_800.00);
    return sim;
  }

  /** An operator's config file for the simulator; the API key comes from {@link #API_KEY_VARIABLE}. */
  static Path writeConfig(Path dir, String restUrl, String rulesYaml) throws IOException {
    String yaml = "gateway:\n"
        + "  rest_url: " + restUrl + "\n"
        + "  user_hub_url: " + restUrl + "/hubs/user\n"
        + "  market_hub_url: " + restUrl + "/hubs/market\n"
        + "  username: " + GatewaySimulator.DEMO_USER + "\n"
        + "  api_key: ${" + API_KEY_VARIABLE + "}\n"
        + "accounts: [all]\n"
        + "database: " + dir.resolve("riskguard.db").toAbsolutePath() + "\n"
        + "status_port: 0\n"
        + "rules:\n" + rulesYaml;
    return Files.writeString(dir.resolve("riskguard.yaml"), yaml);
  }

  static int calls(GatewaySimulator sim, String endpoint) {
    return (int) sim.calls(endpoint).stream().filter(call -> call.success()).count();
  }

  static boolean closedContract(GatewaySimulator sim, String contractId) {
    return sim.calls("/api/Position/closeContract").stream()
        .anyMatch(call -> call.success() && call.body().contains("\"" + contractId + "\""));
  }

  static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
      }
      Thread.sleep(25);
    }
  }
}

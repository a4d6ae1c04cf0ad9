package riskguard.app.daemon;

import java.nio.file.Path;
import java.util.Map;
import riskguard.config.ConfigLoader;
import riskguard.config.RiskguardConfig;

/**
 * A daemon configuration that points at a local gateway simulator: its REST root and hubs,
 * its demo login, every account it has (or the ones named), a database file, a status
 * endpoint on any free port, and the rule sections given as YAML.
 * Goes through the normal loader, so it is validated like an operator's file. For the demo
 * and the tests; an operator writes {@code config/riskguard.yaml}.
 */
public final class SimulatorConfig {

  private SimulatorConfig() {}

  /**
   * @param restUrl the simulator's REST root, e.g. {@code http://127.0.0.1:18080}
   * @param userName and {@code apiKey}: a login the simulator accepts
   * @param database the SQLite file (its directory also gets the {@code logs/})
   * @param rulesYaml the body of the {@code rules:} section, indented by two spaces, e.g.
   *     {@code "  max_contracts:\n    limit: 3\n"}; empty for none
   */
  public static RiskguardConfig forSimulator(String restUrl, String userName, String apiKey, Path database,
      String rulesYaml) {
    return forSimulator(restUrl, userName, apiKey, database, "[all]", rulesYaml);
  }

  /**
   * As {@link #forSimulator(String, String, String, Path, String)}, guarding only {@code accounts}
   * (the YAML list, e.g. {@code "[536, 50KTC-DAEMON]"}).
   */
  public static RiskguardConfig forSimulator(String restUrl, String userName, String apiKey, Path database,
      String accounts, String rulesYaml) {
    String yaml = "gateway:\n"
        + "  rest_url: " + restUrl + "\n"
        + "  user_hub_url: " + restUrl + "/hubs/user\n"
        + "  market_hub_url: " + restUrl + "/hubs/market\n"
        + "  username: " + userName + "\n"
        + "  api_key: ${RISKGUARD_SIMULATOR_API_KEY}\n"
        + "accounts: " + accounts + "\n"
        + "database: " + database.toAbsolutePath() + "\n"
        + "status_port: 0\n"
        + (rulesYaml.isBlank() ? "" : "rules:\n" + rulesYaml);
    Path directory = database.toAbsolutePath().getParent();
    return new ConfigLoader(Map.of("RISKGUARD_SIMULATOR_API_KEY", apiKey))
        .read(yaml, "simulator.yaml", directory);
  }
}

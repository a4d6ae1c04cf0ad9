package riskguard.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riskguard.app.demo.DemoSession;

/** {@code riskguard demo}: the gateway simulator, the daemon and a scripted trader, in one process. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a local gateway simulator and the riskguard daemon, plays a short trading session",
      "that breaks the max-contracts and daily-loss limits, and shows what riskguard does about it.",
      "No credentials, no network beyond this machine."
    })
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE",
      description = "The demo's risk configuration (default: config/demo.yaml of the installation).")
  Path config;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/demo",
      description = "Where the demo keeps its database and logs; emptied first (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--pace", paramLabel = "MILLIS", defaultValue = "700",
      description = "Pause between the trader's steps, so a person can follow (default: ${DEFAULT-VALUE}).")
  long paceMillis;

  @Override
  public Integer call() throws Exception {
    Path configFile = config != null ? config : installedDemoConfig();
    return new DemoSession(System.out, configFile, dataDir, paceMillis).run() ? 0 : 1;
  }

  /** The launcher exports RISKGUARD_HOME; without it, the working directory is the installation. */
  private static Path installedDemoConfig() {
    String home = System.getenv("RISKGUARD_HOME");
    Path installed = Path.of(home != null ? home : ".").resolve("config/demo.yaml");
    if (!Files.isRegularFile(installed)) {
      throw new IllegalStateException("demo configuration not found at " + installed
          + "; run from the riskguard folder or give --config FILE");
    }
    return installed;
  }
}

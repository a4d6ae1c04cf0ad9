package riskguard.app.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import riskguard.connectors.sim.GatewaySimulator;

/**
 * {@code riskguard run --no-warmup} as its own JVM on the test classpath, so a test can kill it
 * like an operator's machine would.
 */
final class DaemonProcess implements AutoCloseable {

  private final Process process;
  private final Path output;

  private DaemonProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  static DaemonProcess start(Path config, Path output) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), "riskguard.app.Main", "run", "--config", config.toString(),
        // these tests are about kills, restarts and status; a fresh JVM's warm-up would add seconds of
        // JIT work to every start on a loaded 2-core CI machine (DaemonWarmupTest covers the warm-up)
        "--no-warmup"))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    builder.environment().put(Gateway.API_KEY_VARIABLE, GatewaySimulator.DEMO_API_KEY);
    return new DaemonProcess(builder.start(), output);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed by the daemon. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the daemon process " + process.pid() + " did not die after SIGKILL");
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output) : "";
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      killHard();
    }
  }
}

package riskguard.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code riskguard config …}: work with the YAML configuration file. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Work with the configuration file.",
    subcommands = {ConfigCheckCommand.class})
final class ConfigCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

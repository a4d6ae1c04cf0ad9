package riskguard.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code riskguard rules …}: tools for rule packages. */
@Command(
    name = "rules",
    description = "Tools for rule packages.",
    subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
final class RulesCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

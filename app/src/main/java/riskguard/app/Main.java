package riskguard.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import riskguard.app.daemon.ReloadCommand;
import riskguard.app.daemon.RunCommand;

/** The {@code riskguard} command: daemon, demo, simulate, checks and tools. */
@Command(
    name = "riskguard",
    mixinStandardHelpOptions = true,
    version = "riskguard 0.1.0",
    description = "Guards TopstepX (ProjectX) futures accounts with risk rules written in Drools.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ConfigCommand.class,
      SimulateCommand.class,
      RulesCommand.class,
      SimGatewayCommand.class,
      RunCommand.class,
      ReloadCommand.class,
      BenchCommand.class,
      DemoCommand.class,
      StatusCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}

package riskguard.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import riskguard.config.ConfigError;
import riskguard.config.ConfigException;
import riskguard.config.ConfigLoader;
import riskguard.config.RiskguardConfig;
import riskguard.config.RuleDescriptions;

/**
 * {@code riskguard config check [FILE]}: validates a config file and says in one sentence per
 * enabled rule what it will do. Exit 0 when the file is valid (even with warnings), 1 when it
 * is not.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a config file and print what each enabled rule will do.",
      "Exit code 0 when the file is valid, 1 when it has errors (one per line: file:line:col: key:"
          + " problem). Warnings (valid, but better written otherwise) go to stderr as"
          + " 'warning: file:line:col: key: problem' and leave the exit code 0."
    })
final class ConfigCheckCommand implements Callable<Integer> {

  static final int VALID = 0;
  static final int INVALID = 1;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      defaultValue = "config/riskguard.yaml",
      description = "The config file (default: ${DEFAULT-VALUE}).")
  Path file;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RiskguardConfig config;
    try {
      config = ConfigLoader.load(file);
    } catch (ConfigException e) {
      List<ConfigError> errors = e.errors();
      err.println(
          "INVALID: "
              + file
              + " ("
              + errors.size()
              + (errors.size() == 1 ? " problem)" : " problems)"));
      errors.forEach(err::println);
      err.flush();
      return INVALID;
    }
    out.println("OK: " + file);
    config.warnings().forEach(warning -> err.println("warning: " + warning));
    err.flush();
    List<String> sentences = RuleDescriptions.describe(config);
    if (sentences.isEmpty()) {
      out.println("No rule is enabled: riskguard would only watch.");
    }
    sentences.forEach(out::println);
    out.flush();
    return VALID;
  }
}

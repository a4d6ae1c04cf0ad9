package riskguard.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import riskguard.engine.session.RuleCompileException;
import riskguard.engine.session.RuleError;
import riskguard.engine.session.RulePackage;

/** {@code riskguard rules check [DIR]}: compiles a rule package as the daemon would. */
@Command(
    name = "check",
    description = "Compiles a rule package (default: the shipped one) and reports every error as file:line: message.")
final class RulesCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Directory of .drl/.dsl/.dslr files.")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      RulePackage rules = RulesOption.compile(dir);
      out.println("OK: " + rules.ruleCount() + " rules in " + RulesOption.describe(dir));
      return 0;
    } catch (RuleCompileException e) {
      for (RuleError error : e.errors()) {
        err.println(error);
      }
      err.println(e.errors().size() + " error(s) in " + RulesOption.describe(dir));
      return 1;
    }
  }
}

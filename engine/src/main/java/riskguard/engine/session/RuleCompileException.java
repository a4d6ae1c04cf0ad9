package riskguard.engine.session;

import java.util.List;
import java.util.stream.Collectors;

/** A rule package did not compile; {@link #errors()} has every error as {@code file:line: message}. */
public final class RuleCompileException extends RuntimeException {

  private final String source;
  private final List<RuleError> errors;

  public RuleCompileException(String source, List<RuleError> errors) {
    super("rule package " + source + " does not compile:\n"
        + errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
    this.source = source;
    this.errors = List.copyOf(errors);
  }

  /** The directory (or "shipped") the package came from. */
  public String source() {
    return source;
  }

  public List<RuleError> errors() {
    return errors;
  }
}

package riskguard.engine.session;

/** One compile error of a rule package; {@code line} is 0 when the compiler gave none. */
public record RuleError(String file, int line, String message) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}

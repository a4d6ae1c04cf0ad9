package riskguard.app.daemon;

/**
 * The daemon cannot run: what failed ({@link #step()}) and a message that says why in the
 * operator's words, never holding a secret. {@code riskguard run} exits with the step's code.
 */
public final class DaemonException extends RuntimeException {

  /** The start-up step that failed, with the process exit code {@code riskguard run} uses for it. */
  public enum Step {
    CONFIG(2),
    DATABASE(3),
    RULES(4),
    LOGIN(5),
    ACCOUNTS(6),
    INTERNAL(1);

    private final int exitCode;

    Step(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Step step;

  public DaemonException(Step step, String message, Throwable cause) {
    super(message, cause);
    this.step = step;
  }

  public DaemonException(Step step, String message) {
    this(step, message, null);
  }

  public Step step() {
    return step;
  }
}

package riskguard.connectors.sim;

/** The venue refused an action taken through the Java or admin API; carries the gateway's error code. */
public final class SimRejectedException extends RuntimeException {

  private final int errorCode;

  SimRejectedException(Outcome outcome) {
    super(outcome.errorMessage() + " (errorCode " + outcome.errorCode() + ")");
    this.errorCode = outcome.errorCode();
  }

  public int errorCode() {
    return errorCode;
  }
}

package riskguard.app.bench;

/** A bench child JVM that failed, hung or printed no figures; the message names its sections. */
public final class ChildJvmFailure extends Exception {

  ChildJvmFailure(String message) {
    super(message);
  }
}

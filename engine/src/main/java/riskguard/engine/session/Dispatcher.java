package riskguard.engine.session;

/**
 * Runs an account's steps in order: at once on the caller's thread (replay), or on the
 * account's own queue (live daemon). The only difference between the two engines.
 */
interface Dispatcher extends AutoCloseable {

  void submit(long accountId, Runnable step);

  /** Waits until every step submitted so far has run. */
  void awaitIdle() throws InterruptedException;

  @Override
  void close();

  /** Replay: every step runs before {@code submit} returns. */
  static Dispatcher synchronous() {
    return new Dispatcher() {
      @Override
      public void submit(long accountId, Runnable step) {
        step.run();
      }

      @Override
      public void awaitIdle() {}

      @Override
      public void close() {}
    };
  }
}

package riskguard.engine.session;

import java.time.Duration;
import java.util.Collection;

/**
 * Runs an account's steps in order: at once on the caller's thread (replay), or on the
 * account's own queue (live daemon). The only difference between the two engines.
 */
interface Dispatcher extends AutoCloseable {

  void submit(long accountId, Runnable step);

  /**
   * Queues an account's event. Replay processes it at once, firing the rules for it alone;
   * live, the events queued one behind the other are applied together and fired once
   * ({@link AccountQueue}).
   */
  void submit(Arrival arrival);

  /**
   * Holds every one of {@code accounts} between two of its steps until the returned hold is
   * closed, so shared state (the rule base) can change while no session works.
   *
   * @throws IllegalStateException when an account does not get there within {@code patience}
   *     (the accounts already held are let go)
   */
  Hold holdBetweenSteps(Collection<Long> accounts, Duration patience) throws InterruptedException;

  /** Accounts held by {@link #holdBetweenSteps}; closing lets them go on. */
  interface Hold extends AutoCloseable {
    @Override
    void close();
  }

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
      public void submit(Arrival arrival) {
        arrival.session().process(arrival.event(), arrival.quote());
      }

      @Override
      public Hold holdBetweenSteps(Collection<Long> accounts, Duration patience) {
        return () -> { };
      }

      @Override
      public void awaitIdle() {}

      @Override
      public void close() {}
    };
  }
}

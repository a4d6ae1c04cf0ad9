package riskguard.engine.session;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Live dispatch: one ordered {@link AccountQueue} and thread per account, so accounts never
 * wait on each other and each session sees its events in arrival order.
 */
final class AccountQueues implements Dispatcher {

  private static final long CLOSE_PATIENCE_MILLIS = 5_000;

  private final Map<Long, AccountQueue> queues = new ConcurrentHashMap<>();

  @Override
  public void submit(long accountId, Runnable step) {
    queueOf(accountId).submit(step);
  }

  @Override
  public void submit(Arrival arrival) {
    queueOf(arrival.session().accountId()).submit(arrival);
  }

  private AccountQueue queueOf(long accountId) {
    return queues.computeIfAbsent(accountId, AccountQueue::new);
  }

  /** Each account's thread takes a step that waits, so it stops right after its current event. */
  @Override
  public Hold holdBetweenSteps(Collection<Long> accounts, Duration patience) throws InterruptedException {
    CountDownLatch arrived = new CountDownLatch(accounts.size());
    CountDownLatch release = new CountDownLatch(1);
    for (long account : accounts) {
      submit(account, () -> {
        arrived.countDown();
        awaitRelease(release);
      });
    }
    if (!arrived.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      release.countDown();
      throw new IllegalStateException(arrived.getCount() + " of " + accounts.size()
          + " account(s) still busy with an event after " + patience.toMillis() + " ms");
    }
    return release::countDown;
  }

  private static void awaitRelease(CountDownLatch release) {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void awaitIdle() throws InterruptedException {
    for (AccountQueue queue : queues.values()) {
      CountDownLatch reached = new CountDownLatch(1);
      queue.submit(reached::countDown);
      reached.await();
    }
  }

  @Override
  public void close() {
    queues.values().forEach(AccountQueue::stop);
    for (AccountQueue queue : queues.values()) {
      try {
        queue.awaitStopped(CLOSE_PATIENCE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}

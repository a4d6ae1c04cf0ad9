package riskguard.engine.session;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live dispatch: one ordered queue and thread per account, so accounts never wait on each
 * other and each session sees its events in arrival order. A step that throws is logged
 * with its account and the queue goes on.
 */
final class AccountQueues implements Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(AccountQueues.class);

  private final Map<Long, ExecutorService> queues = new ConcurrentHashMap<>();

  @Override
  public void submit(long accountId, Runnable step) {
    queues.computeIfAbsent(accountId, AccountQueues::newQueue).execute(() -> {
      try {
        step.run();
      } catch (RuntimeException e) {
        LOG.error("account {}: event processing failed; the session continues with the next event", accountId, e);
      }
    });
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
    for (ExecutorService queue : queues.values()) {
      try {
        queue.submit(() -> { }).get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("an empty step failed", e);
      }
    }
  }

  @Override
  public void close() {
    queues.values().forEach(ExecutorService::shutdown);
    for (ExecutorService queue : queues.values()) {
      try {
        queue.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static ExecutorService newQueue(long accountId) {
    return Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "riskguard-account-" + accountId);
      thread.setDaemon(true);
      return thread;
    });
  }
}

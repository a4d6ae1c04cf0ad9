package riskguard.engine.session;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live dispatch: every account has its own ordered queue, run by a small pool of worker
 * threads (one per core), so each session sees its events in arrival order, one at a time.
 * A pool rather than a thread per account: with hundreds of accounts, hundreds of runnable
 * threads would share the cores with the thread feeding the engine, so no session would
 * ever fall behind far enough to take its queued quotes as one batch. A step that throws is
 * logged with its account and the queue goes on.
 */
final class AccountQueues implements Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(AccountQueues.class);

  /** Steps one queue runs before letting the next account's queue have the worker. */
  private static final int STEPS_PER_TURN = 64;

  private final ExecutorService workers;
  private final Map<Long, AccountQueue> queues = new ConcurrentHashMap<>();

  AccountQueues() {
    AtomicInteger count = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
      Thread thread = new Thread(runnable, "riskguard-engine-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public void submit(long accountId, Runnable step) {
    queues.computeIfAbsent(accountId, AccountQueue::new).add(step);
  }

  @Override
  public void awaitIdle() throws InterruptedException {
    List<AccountQueue> all = List.copyOf(queues.values());
    CountDownLatch reached = new CountDownLatch(all.size());
    all.forEach(queue -> queue.add(reached::countDown));
    reached.await();
  }

  @Override
  public void close() {
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One account's steps; at most one worker runs them at a time, in the order they came. */
  private final class AccountQueue implements Runnable {

    private final long accountId;
    private final Queue<Runnable> steps = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    AccountQueue(long accountId) {
      this.accountId = accountId;
    }

    void add(Runnable step) {
      steps.add(step);
      schedule();
    }

    private void schedule() {
      if (scheduled.compareAndSet(false, true)) {
        workers.execute(this);
      }
    }

    @Override
    public void run() {
      for (int i = 0; i < STEPS_PER_TURN; i++) {
        Runnable step = steps.poll();
        if (step == null) {
          break;
        }
        runLogged(step);
      }
      scheduled.set(false);
      if (!steps.isEmpty()) {
        schedule();
      }
    }

    private void runLogged(Runnable step) {
      try {
        step.run();
      } catch (RuntimeException e) {
        LOG.error("account {}: event processing failed; the session continues with the next event", accountId, e);
      }
    }
  }
}

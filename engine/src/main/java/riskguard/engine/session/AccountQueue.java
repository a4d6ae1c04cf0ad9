package riskguard.engine.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's ordered queue and the thread that works through it. Account events queued
 * one behind the other (the order, trade, position and account events of one fill) are taken
 * together: each is applied in turn and the rules fire once after the last
 * ({@link AccountSession#take}, {@link AccountSession#fireTaken}). Any other step (a quote
 * batch, a tick, a rule swap, an enforcement result) ends such a burst and runs on its own,
 * so nothing overtakes what was queued before it. A step that throws is logged with the
 * account and the queue goes on.
 */
final class AccountQueue {

  private static final Logger LOG = LoggerFactory.getLogger(AccountQueue.class);
  private static final Object STOP = new Object();

  private final long accountId;
  /** {@link Arrival}s and {@link Runnable} steps, in the order they were queued. */
  private final BlockingQueue<Object> steps = new LinkedBlockingQueue<>();
  private final Thread thread;
  private boolean closed;

  AccountQueue(long accountId) {
    this.accountId = accountId;
    this.thread = new Thread(this::work, "riskguard-account-" + accountId);
    thread.setDaemon(true);
    thread.start();
  }

  void submit(Runnable step) {
    queue(step);
  }

  void submit(Arrival arrival) {
    queue(arrival);
  }

  private synchronized void queue(Object step) {
    if (closed) {
      throw new RejectedExecutionException("account " + accountId + ": the engine is closed");
    }
    steps.add(step);
  }

  /** Takes no more steps: the thread stops after those already queued. */
  synchronized void stop() {
    if (!closed) {
      closed = true;
      steps.add(STOP);
    }
  }

  void awaitStopped(long patienceMillis) throws InterruptedException {
    thread.join(patienceMillis);
  }

  private void work() {
    try {
      for (Object step = steps.take(); step != STOP; step = steps.take()) {
        if (step instanceof Arrival first) {
          applyBurst(first);
        } else {
          guarded((Runnable) step);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code first} and the account events queued right behind it: applied in turn, fired once. */
  private void applyBurst(Arrival first) {
    List<Arrival> burst = new ArrayList<>(4);
    burst.add(first);
    while (steps.peek() instanceof Arrival next) {
      burst.add(next);
      steps.remove();
    }
    for (Arrival arrival : burst) {
      guarded(() -> arrival.session().take(arrival.event(), arrival.quote()));
    }
    guarded(first.session()::fireTaken);
  }

  private void guarded(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("account {}: event processing failed; the session continues with the next event", accountId, e);
    }
  }
}

package riskguard.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import riskguard.app.daemon.DaemonListener;
import riskguard.app.daemon.WarmupReport;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;

/**
 * The live path's view into the daemon: notes when the rules decide a round's close and lets
 * the bench thread sleep until the daemon reports the close done (or given up), and hands over
 * the report of the daemon's warm-up at start.
 */
final class BreachWatch implements DaemonListener {

  private final CompletableFuture<WarmupReport> warmedUp = new CompletableFuture<>();
  private volatile CountDownLatch closed = new CountDownLatch(0);
  private volatile Instant decided;
  private volatile String failure;

  /** Starts a round: the next close decided and done belongs to it. */
  void expectClose() {
    decided = null;
    failure = null;
    closed = new CountDownLatch(1);
  }

  /** Waits for the round's close to be done; returns when it was decided. */
  Instant awaitClosed(Duration patience) throws InterruptedException {
    if (!closed.await(patience.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException("no close done within " + patience);
    }
    if (failure != null) {
      throw new IllegalStateException("the close failed: " + failure);
    }
    if (decided == null) {
      throw new IllegalStateException("a close was done that the rules did not decide in this round");
    }
    return decided;
  }

  /** Waits for the daemon's warm-up at start to end. */
  WarmupReport awaitWarmedUp(Duration patience) throws InterruptedException {
    try {
      return warmedUp.get(patience.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the daemon's warm-up did not end within " + patience, e);
    }
  }

  @Override
  public void warmedUp(WarmupReport report) {
    warmedUp.complete(report);
  }

  @Override
  public void decided(Decision decision) {
    if (decision.action() == Action.CLOSE_ALL && decided == null) {
      decided = Instant.now();
    }
  }

  @Override
  public void executed(Decision decision, String outcome) {
    if (decision.action() == Action.CLOSE_ALL) {
      closed.countDown();
    }
  }

  @Override
  public void failed(Decision decision, String problem, boolean retrying) {
    if (decision.action() == Action.CLOSE_ALL && !retrying) {
      failure = problem;
      closed.countDown();
    }
  }
}

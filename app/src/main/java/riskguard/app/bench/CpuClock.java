package riskguard.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of the calling thread: on a shared machine, what one core does is CPU time, not wall time. */
final class CpuClock {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuClock() {}

  static long nanos() {
    return THREADS.getCurrentThreadCpuTime();
  }
}

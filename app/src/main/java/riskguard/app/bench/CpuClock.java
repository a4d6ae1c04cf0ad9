package riskguard.app.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of the calling thread or the process: on a shared machine, what the cores do is CPU time, not wall time. */
final class CpuClock {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean PROCESS =
      ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

  private CpuClock() {}

  static long nanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** CPU time of the whole process (every thread: account threads, GC, compiler). */
  static long processNanos() {
    return PROCESS.getProcessCpuTime();
  }
}

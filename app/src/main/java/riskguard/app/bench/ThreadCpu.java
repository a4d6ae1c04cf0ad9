package riskguard.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time by thread group between two moments: which threads of the live path do the work.
 * A group is named by its threads' name prefix; the other Java threads are "other_threads"
 * (timers, the trade ledger, the daemon's REST poller); "jvm" is the rest of the process's
 * CPU (the JIT compiler and GC, whose threads the JVM does not list, and threads that ended
 * meanwhile).
 */
final class ThreadCpu {

  /** Thread name prefix → group, in the order the figures are printed. */
  private static final Map<String, String> GROUPS = groups();

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<Long, Long> startNanos;
  private final long processStart;

  private ThreadCpu(Map<Long, Long> startNanos, long processStart) {
    this.startNanos = startNanos;
    this.processStart = processStart;
  }

  private static Map<String, String> groups() {
    Map<String, String> groups = new LinkedHashMap<>();
    // OkHttp names a web socket's reader thread after its URL while it reads, else "OkHttp Dispatcher"
    groups.put("OkHttp http", "hub_reader");
    groups.put("OkHttp Dispatcher", "hub_reader");
    groups.put("riskguard-account-", "account");
    groups.put("riskguard-enforcement-", "enforcement");
    groups.put("gateway-sim", "simulator");
    groups.put("main", "bench");
    return groups;
  }

  static ThreadCpu start() {
    Map<Long, Long> nanos = new HashMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      long cpu = THREADS.getThreadCpuTime(id);
      if (cpu >= 0) {
        nanos.put(id, cpu);
      }
    }
    return new ThreadCpu(nanos, CpuClock.processNanos());
  }

  /** Each group's CPU since {@link #start}, divided by {@code rounds}, in milliseconds. */
  Map<String, Double> perRoundMillis(int rounds) {
    long process = CpuClock.processNanos() - processStart;
    Map<String, Long> byGroup = new LinkedHashMap<>();
    GROUPS.values().forEach(group -> byGroup.put(group, 0L));
    byGroup.put("other_threads", 0L);
    long grouped = 0;
    for (long id : THREADS.getAllThreadIds()) {
      ThreadInfo info = THREADS.getThreadInfo(id);
      long cpu = THREADS.getThreadCpuTime(id);
      if (info != null && cpu >= 0) {
        long used = cpu - startNanos.getOrDefault(id, 0L);
        byGroup.merge(groupOf(info.getThreadName()), used, Long::sum);
        grouped += used;
      }
    }
    Map<String, Double> millis = new LinkedHashMap<>();
    byGroup.forEach((group, nanos) -> millis.put(group, nanos / 1e6 / rounds));
    millis.put("jvm", (process - grouped) / 1e6 / rounds);
    return millis;
  }

  private static String groupOf(String threadName) {
    for (Map.Entry<String, String> group : GROUPS.entrySet()) {
      if (threadName.startsWith(group.getKey())) {
        return group.getValue();
      }
    }
    return "other_threads";
  }
}

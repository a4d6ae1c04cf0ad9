package riskguard.app.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The garbage collector this JVM runs, by the name its collector beans give away ("Parallel",
 * "Shenandoah", "G1", "ZGC", "Serial"), so each bench section says what it ran under.
 */
final class Collector {

  private Collector() {}

  static String ofThisJvm() {
    List<String> beans = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName)
        .toList();
    String first = beans.isEmpty() ? "" : beans.get(0);
    if (first.startsWith("PS ")) {
      return "Parallel";
    }
    if (first.startsWith("Shenandoah")) {
      return "Shenandoah";
    }
    if (first.startsWith("G1")) {
      return "G1";
    }
    if (first.startsWith("ZGC")) {
      return "ZGC";
    }
    if (first.equals("Copy") || first.equals("MarkSweepCompact")) {
      return "Serial";
    }
    return beans.stream().collect(Collectors.joining(" + "));
  }
}

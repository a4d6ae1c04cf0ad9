package riskguard.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A fresh JVM of this program that runs some bench sections in its own process and prints
 * them as JSON: the throughput sections measure what a batch job such as {@code simulate} does,
 * so they run under the batch collector, away from the daemon's collector the bench itself
 * runs under, and their first pass is always a fresh JVM's.
 *
 * <p>The child is the running {@code java} with this JVM's options (heap and the like) except
 * its collector, the batch collector instead ({@code RISKGUARD_BATCH_GC}, which the launcher
 * sets, else {@code -XX:+UseParallelGC}), then {@code extraJavaOptions}, the same class path and
 * {@code mainClass} with {@code arguments} and {@code --only} the sections. Its progress lines
 * (stderr) are passed through as they come; its stdout must end with the JSON report.
 *
 * @param limit how long the child may take before it is killed and the bench fails
 */
public record ChildJvm(String mainClass, List<String> arguments, List<String> extraJavaOptions, Duration limit) {

  /** The environment variable through which the launcher names the batch collector. */
  static final String BATCH_COLLECTOR_VARIABLE = "RISKGUARD_BATCH_GC";
  private static final String PARALLEL = "-XX:+UseParallelGC";
  private static final Pattern COLLECTOR_OPTION = Pattern.compile("-XX:[+-]Use\\w*GC");
  private static final int LINES_KEPT = 15;

  public ChildJvm {
    arguments = List.copyOf(arguments);
    extraJavaOptions = List.copyOf(extraJavaOptions);
  }

  /** The figures of {@code sections} (and any other section the child reported), measured in a child JVM. */
  Map<String, Map<String, Object>> run(List<String> sections, PrintWriter progress)
      throws ChildJvmFailure, InterruptedException, IOException {
    String named = String.join(", ", sections);
    Path report = Files.createTempFile("riskguard-bench-", ".json");
    Process child = null;
    try {
      child = new ProcessBuilder(command(sections)).redirectOutput(report.toFile()).start();
      progress.printf("%s: in a child JVM (pid %d, %s)%n", named, child.pid(), batchCollector());
      Deque<String> lastLines = new ArrayDeque<>();
      Thread passer = passThrough(child, progress, lastLines);
      if (!child.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        child.destroyForcibly().waitFor();
        passer.join();
        throw failure(named, child, "did not finish within " + limit.toMinutes() + " min and was killed", lastLines);
      }
      passer.join();
      if (child.exitValue() != 0) {
        throw failure(named, child, "exited with code " + child.exitValue(), lastLines);
      }
      Map<String, Map<String, Object>> figures = lastJsonLine(report);
      if (figures == null || !figures.keySet().containsAll(sections)) {
        throw failure(named, child, "printed no figures for them", lastLines);
      }
      figures.remove("machine");
      return figures;
    } finally {
      if (child != null) {
        child.destroyForcibly();
      }
      Files.deleteIfExists(report);
    }
  }

  private List<String> command(List<String> sections) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> !COLLECTOR_OPTION.matcher(option).matches())
        .forEach(command::add);
    command.add(batchCollector());
    command.addAll(extraJavaOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(arguments);
    command.add("--only");
    command.add(String.join(",", sections));
    return command;
  }

  private static String batchCollector() {
    String named = System.getenv(BATCH_COLLECTOR_VARIABLE);
    return named == null || named.isBlank() ? PARALLEL : named.strip();
  }

  /** Copies the child's stderr to {@code progress} line by line and keeps the last few for an error. */
  private static Thread passThrough(Process child, PrintWriter progress, Deque<String> lastLines) {
    Thread passer = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          progress.println(line);
          synchronized (lastLines) {
            lastLines.addLast(line);
            if (lastLines.size() > LINES_KEPT) {
              lastLines.removeFirst();
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "bench-child-stderr");
    passer.setDaemon(true);
    passer.start();
    return passer;
  }

  /** The report: the last line of stdout that is a JSON object (a stray line before it is ignored). */
  private static Map<String, Map<String, Object>> lastJsonLine(Path report) throws IOException {
    List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("{")) {
        try {
          return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build()
              .readValue(lines.get(i), new TypeReference<LinkedHashMap<String, Map<String, Object>>>() {});
        } catch (JsonProcessingException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static ChildJvmFailure failure(String sections, Process child, String what, Deque<String> lastLines) {
    String tail;
    synchronized (lastLines) {
      tail = lastLines.isEmpty() ? " (it printed nothing on stderr)" : "; its last lines:\n  " + String.join("\n  ", lastLines);
    }
    return new ChildJvmFailure("bench section " + sections + ": the child JVM (pid " + child.pid() + ") " + what + tail);
  }
}

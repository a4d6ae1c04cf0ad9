package riskguard.app.demo;

import java.io.PrintStream;

/** The demo's console: one aligned line per thing that happens, from any thread. */
final class DemoOutput {

  private final PrintStream stream;
  private final long startedAt = System.nanoTime();

  DemoOutput(PrintStream stream) {
    this.stream = stream;
  }

  synchronized void title(String text) {
    stream.println(text);
    stream.println();
  }

  synchronized void act(String title) {
    stream.println();
    stream.println(title);
  }

  synchronized void line(String who, String what) {
    stream.printf("  %5.1fs  %-9s  %s%n", (System.nanoTime() - startedAt) / 1e9, who, what);
  }

  synchronized void note(String text) {
    stream.printf("  %6s  %-9s  %s%n", "", "", "-> " + text);
  }

  synchronized void problem(String text) {
    stream.printf("  %6s  %-9s  %s%n", "", "!!", text);
  }

  synchronized void blank() {
    stream.println();
  }

  synchronized void verdict(String text) {
    stream.println(text);
  }
}

package riskguard.app.daemon;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the rule directory (with its subdirectories) and the config file, and calls {@code
 * changed} once a burst of changes has settled for {@link #SETTLE}: an editor's save is often
 * several events (write, rename, attribute change) and one reload should follow it, not three.
 * Only rule files ({@code .drl}, {@code .dslr}, {@code .dsl}) and the config file count.
 */
final class ReloadWatcher implements AutoCloseable {

  static final Duration SETTLE = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(ReloadWatcher.class);
  private static final List<String> RULE_FILES = List.of(".drl", ".dslr", ".dsl");

  private final Path rulesDir;
  private final Path configFile;
  private final Runnable changed;
  private final WatchService watch;
  private final Map<WatchKey, Path> directories = new ConcurrentHashMap<>();
  private final Thread thread;

  /**
   * @param rulesDir the rule directory, or null (the shipped package: nothing to watch)
   * @param configFile the config file, or null when the config did not come from a file
   */
  ReloadWatcher(Path rulesDir, Path configFile, Runnable changed) {
    this.rulesDir = rulesDir == null ? null : rulesDir.toAbsolutePath().normalize();
    this.configFile = configFile == null ? null : configFile.toAbsolutePath().normalize();
    this.changed = changed;
    try {
      this.watch = FileSystems.getDefault().newWatchService();
      if (this.rulesDir != null) {
        registerTree(this.rulesDir);
      }
      if (this.configFile != null) {
        register(this.configFile.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + this.rulesDir + " and " + this.configFile, e);
    }
    this.thread = new Thread(this::run, "riskguard-reload-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void registerTree(Path dir) throws IOException {
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path sub : tree.filter(Files::isDirectory).toList()) {
        register(sub);
      }
    }
  }

  private void register(Path dir) throws IOException {
    directories.put(dir.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
  }

  private void run() {
    long settlesAt = 0;
    try {
      while (true) {
        WatchKey key = settlesAt == 0 ? watch.take() : watch.poll(settlesAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (key == null) {
          settlesAt = 0;
          changed.run();
          continue;
        }
        if (relevant(key)) {
          settlesAt = System.nanoTime() + SETTLE.toNanos();
        }
        if (!key.reset()) {
          directories.remove(key);
        }
      }
    } catch (ClosedWatchServiceException | InterruptedException stopped) {
      LOG.debug("reload watch stopped");
    } catch (RuntimeException e) {
      LOG.error("the reload watch stopped: {}; changes are no longer picked up, `riskguard reload` still works", e);
    }
  }

  private boolean relevant(WatchKey key) {
    Path dir = directories.get(key);
    boolean relevant = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (dir == null || !(event.context() instanceof Path name)) {
        relevant = true;
        continue;
      }
      Path file = dir.resolve(name);
      relevant |= file.equals(configFile) || inRules(file);
    }
    return relevant;
  }

  private boolean inRules(Path file) {
    if (rulesDir == null || !file.startsWith(rulesDir)) {
      return false;
    }
    if (Files.isDirectory(file)) {
      try {
        registerTree(file);
      } catch (IOException e) {
        LOG.warn("cannot watch the new directory {}: {}", file, e.getMessage());
      }
      return true;
    }
    String name = file.getFileName().toString();
    return RULE_FILES.stream().anyMatch(name::endsWith);
  }

  @Override
  public void close() {
    try {
      watch.close();
    } catch (IOException e) {
      LOG.debug("closing the reload watch: {}", e.getMessage());
    }
    thread.interrupt();
  }
}

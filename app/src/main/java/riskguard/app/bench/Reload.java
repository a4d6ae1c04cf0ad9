package riskguard.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import riskguard.engine.event.InputEvent;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * Section 5: a {@code .drl} changes while events flow. There is no hot reload in the daemon
 * yet, so this measures what the engine API offers: the changed directory compiles on another
 * thread while the old package keeps deciding; then a new engine is seeded with the accounts,
 * quotes, positions and working orders of the moment and takes over the stream. The time runs
 * from the file being written to the new package having decided its first stream event;
 * events lost are stream events that neither package applied.
 */
final class Reload {

  private static final String SHIPPED_RULES = "rules/lockout-guard.drl";

  private Reload() {}

  static Map<String, Object> run(EngineSettings settings, long seed, int accounts, int warmup, int eventsAfter)
      throws IOException {
    Path dir = Files.createTempDirectory("riskguard-bench-rules");
    copyShippedRules(dir);
    SyntheticStream source = new SyntheticStream(seed, accounts);
    Map<String, QuoteEvent> lastQuotes = new LinkedHashMap<>();
    EchoedEngine engine = new EchoedEngine(RulePackage.compile(dir), settings);
    long produced = 0;
    long applied = 0;
    long reloadNanos = -1;
    try {
      engine.feedAll(source.opening(accounts * 5));
      engine.feedAll(source.next(warmup));
      long changed = System.nanoTime();
      Files.writeString(dir.resolve("lockout-guard.drl"), "\n// changed by riskguard bench\n",
          StandardOpenOption.APPEND);
      CompletableFuture<RulePackage> compiling = CompletableFuture.supplyAsync(() -> RulePackage.compile(dir));
      int afterSwap = 0;
      while (afterSwap < eventsAfter) {
        InputEvent event = source.next(1).get(0);
        produced++;
        boolean swapping = compiling != null && compiling.isDone();
        if (swapping) {
          engine = successor(engine, compiling.join(), settings, accounts, lastQuotes.values(), event.ts());
          compiling = null;
        }
        if (event instanceof QuoteEvent quote) {
          lastQuotes.put(quote.contractId(), quote);
        }
        engine.feed(event);
        applied++;
        if (swapping) {
          reloadNanos = System.nanoTime() - changed;
        }
        if (compiling == null) {
          afterSwap++;
        }
      }
    } finally {
      engine.close();
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("method", "recompile + a new seeded engine + swap, through the engine API (not yet the daemon's HotReload)");
    figures.put("reload_ms", reloadNanos / 1e6);
    figures.put("events_while_reloading", produced - eventsAfter);
    figures.put("events_lost", produced - applied);
    return figures;
  }

  /** A new engine on the new package, holding what the old one held at {@code at}. */
  private static EchoedEngine successor(EchoedEngine old, RulePackage rules, EngineSettings settings, int accounts,
      Iterable<QuoteEvent> quotes, Instant at) {
    List<InputEvent> holdings = old.holdings();
    old.close();
    EchoedEngine fresh = new EchoedEngine(rules, settings);
    List<InputEvent> seed = new ArrayList<>();
    quotes.forEach(seed::add);
    for (long account = 1; account <= accounts; account++) {
      seed.add(SyntheticStream.account(account, at));
    }
    seed.addAll(holdings);
    fresh.feedAll(seed);
    return fresh;
  }

  private static void copyShippedRules(Path target) throws IOException {
    URI marker;
    try {
      marker = Reload.class.getClassLoader().getResource(SHIPPED_RULES).toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot find the shipped rules", e);
    }
    if ("jar".equals(marker.getScheme())) {
      try (FileSystem jar = FileSystems.newFileSystem(marker, Map.of())) {
        copy(jar.getPath(SHIPPED_RULES).getParent(), target);
      }
    } else {
      copy(Path.of(marker).getParent(), target);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName().toString()));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

package riskguard.engine.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;

/**
 * A compiled rule package: every {@code .dsl}, {@code .drl} and {@code .dslr} file of a
 * directory, compiled at run time (never from the build) in STREAM mode, so operators edit
 * rules without rebuilding. Sessions made from it run on a pseudo clock that the engine
 * moves with event time.
 */
public final class RulePackage {

  /** A file of the shipped package, used to find the package on the classpath. */
  static final String SHIPPED_MARKER = "rules/lockout-guard.drl";

  private static final String KFS_ROOT = "src/main/resources/";
  private static final List<String> EXTENSIONS = List.of(".dsl", ".drl", ".dslr");
  private static final AtomicLong VERSIONS = new AtomicLong();

  private final String source;
  private final KieBase kieBase;
  private final int ruleCount;

  private RulePackage(String source, KieBase kieBase) {
    this.source = source;
    this.kieBase = kieBase;
    this.ruleCount = kieBase.getKiePackages().stream().mapToInt(pkg -> pkg.getRules().size()).sum();
  }

  /**
   * Compiles every rule file in {@code dir} (subdirectories included).
   *
   * @throws RuleCompileException with every error as {@code file:line: message}, or when the
   *     directory holds no {@code .drl} file
   */
  public static RulePackage compile(Path dir) {
    return compile(dir, dir.toString());
  }

  /** The package shipped with riskguard ({@code rules/} on the classpath). */
  public static RulePackage shipped() {
    URL marker = RulePackage.class.getClassLoader().getResource(SHIPPED_MARKER);
    if (marker == null) {
      throw new IllegalStateException("the shipped rule package (" + SHIPPED_MARKER + ") is not on the classpath");
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return compile(jar.getPath(SHIPPED_MARKER).getParent(), "shipped");
        }
      }
      return compile(Path.of(uri).getParent(), "shipped");
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the shipped rule package at " + marker, e);
    }
  }

  private static RulePackage compile(Path dir, String source) {
    List<Path> files = ruleFiles(dir, source);
    KieServices services = KieServices.get();
    ReleaseId releaseId = services.newReleaseId("riskguard", "rules", "1.0." + VERSIONS.incrementAndGet());
    KieFileSystem kfs = services.newKieFileSystem().generateAndWritePomXML(releaseId);
    for (Path file : files) {
      kfs.write(KFS_ROOT + relativeName(dir, file), read(file));
    }
    KieBuilder builder = services.newKieBuilder(kfs).buildAll();
    List<RuleError> errors = new ArrayList<>();
    for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
      String path = message.getPath() == null ? source : message.getPath().replaceFirst("^" + KFS_ROOT, "");
      errors.add(new RuleError(path, Math.max(message.getLine(), 0), oneLine(message.getText())));
    }
    if (!errors.isEmpty()) {
      throw new RuleCompileException(source, errors);
    }
    var baseConfig = services.newKieBaseConfiguration();
    baseConfig.setOption(EventProcessingOption.STREAM);
    KieBase kieBase = services.newKieContainer(releaseId).newKieBase(baseConfig);
    return new RulePackage(source, kieBase);
  }

  /** Drools puts several problems of one rule on separate lines; an error is printed on one. */
  private static String oneLine(String text) {
    return String.join("; ", text.strip().split("\\s*\\R\\s*"));
  }

  private static List<Path> ruleFiles(Path dir, String source) {
    if (!Files.isDirectory(dir)) {
      throw new RuleCompileException(source, List.of(new RuleError(source, 0, "not a directory")));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .filter(file -> extensionRank(file) >= 0)
          .sorted(Comparator.comparingInt(RulePackage::extensionRank).thenComparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list rule files in " + source, e);
    }
    if (files.stream().noneMatch(file -> file.getFileName().toString().endsWith(".drl")
        || file.getFileName().toString().endsWith(".dslr"))) {
      throw new RuleCompileException(source, List.of(new RuleError(source, 0, "no .drl or .dslr files")));
    }
    return files;
  }

  /** DSL files go first: a {@code .dslr} needs its vocabulary compiled before it. */
  private static int extensionRank(Path file) {
    String name = file.getFileName().toString();
    for (int rank = 0; rank < EXTENSIONS.size(); rank++) {
      if (name.endsWith(EXTENSIONS.get(rank))) {
        return rank;
      }
    }
    return -1;
  }

  private static String relativeName(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rule file " + file, e);
    }
  }

  /** Where the package came from: its directory, or "shipped". */
  public String source() {
    return source;
  }

  /** Rules in the package. */
  public int ruleCount() {
    return ruleCount;
  }

  /** A new session on a pseudo clock at 0. */
  KieSession newSession() {
    KieSessionConfiguration config = KieServices.get().newKieSessionConfiguration();
    config.setOption(ClockTypeOption.PSEUDO);
    return kieBase.newKieSession(config, null);
  }

  /** Sets the {@code decisions} global, if the package declares it. */
  void bindDecisions(KieSession session, DecisionChannel decisions) {
    boolean declaresDecisions = kieBase.getKiePackages().stream()
        .flatMap(pkg -> pkg.getGlobalVariables().stream())
        .anyMatch(global -> global.getName().equals(DecisionChannel.GLOBAL));
    if (declaresDecisions) {
      session.setGlobal(DecisionChannel.GLOBAL, decisions);
    }
  }
}

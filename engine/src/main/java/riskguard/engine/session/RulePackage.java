package riskguard.engine.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.Results;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;

/**
 * A compiled rule package: every {@code .dsl}, {@code .drl} and {@code .dslr} file of a
 * directory, compiled at run time (never from the build) in STREAM mode, so operators edit
 * rules without rebuilding. Sessions made from it run on a pseudo clock that the engine
 * moves with event time.
 *
 * <p>A running package can take a new version of its directory ({@link #prepare} off the event
 * path, then {@link #replaceWith} while no session is working): the rule base is updated in
 * place, so every session made from it keeps its facts, windows and timers and sees the new
 * rules from its next operation on.
 */
public final class RulePackage {

  /** A file of the shipped package, used to find the package on the classpath. */
  static final String SHIPPED_MARKER = "rules/lockout-guard.drl";

  private static final String KFS_ROOT = "src/main/resources/";
  private static final List<String> EXTENSIONS = List.of(".dsl", ".drl", ".dslr");
  private static final String KIE_BASE = "rules";
  private static final AtomicLong RELEASES = new AtomicLong();

  private final Build build;
  private final KieContainer container;
  private final KieBase kieBase;
  private final int ruleCount;

  private RulePackage(Build build, KieContainer container) {
    this.build = build;
    this.container = container;
    this.kieBase = container.getKieBase(KIE_BASE);
    this.ruleCount = kieBase.getKiePackages().stream().mapToInt(pkg -> pkg.getRules().size()).sum();
  }

  /**
   * A rule directory compiled and checked, not yet running: the result of {@link #prepare}.
   *
   * @param version the content hash (short) and the time it was compiled, e.g.
   *     {@code 3f9a1c2e@2026-11-25T15:30:02Z}
   * @param contentHash SHA-256 of the files' names and contents, in hex
   */
  public record Build(String source, String version, String contentHash, Instant builtAt, ReleaseId releaseId) {}

  /**
   * Compiles every rule file in {@code dir} (subdirectories included).
   *
   * @throws RuleCompileException with every error as {@code file:line: message}, or when the
   *     directory holds no {@code .drl} file
   */
  public static RulePackage compile(Path dir) {
    return start(prepare(dir));
  }

  /**
   * Compiles and checks {@code dir} without running it, so a running package can be replaced
   * by it ({@link #replaceWith}); costs one compile.
   *
   * @throws RuleCompileException as {@link #compile}
   */
  public static Build prepare(Path dir) {
    return build(dir, dir.toString());
  }

  private static RulePackage start(Build build) {
    return new RulePackage(build, KieServices.get().newKieContainer(build.releaseId()));
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
          return start(build(jar.getPath(SHIPPED_MARKER).getParent(), "shipped"));
        }
      }
      return start(build(Path.of(uri).getParent(), "shipped"));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the shipped rule package at " + marker, e);
    }
  }

  private static Build build(Path dir, String source) {
    List<Path> files = ruleFiles(dir, source);
    KieServices services = KieServices.get();
    ReleaseId releaseId = services.newReleaseId("riskguard", "rules", "1.0." + RELEASES.incrementAndGet());
    KieFileSystem kfs = services.newKieFileSystem().generateAndWritePomXML(releaseId);
    kfs.writeKModuleXML(streamModule(services).toXML());
    MessageDigest digest = sha256();
    for (Path file : files) {
      String name = relativeName(dir, file);
      byte[] content = read(file);
      hash(digest, name, content);
      kfs.write(KFS_ROOT + name, content);
    }
    KieBuilder builder = services.newKieBuilder(kfs).buildAll();
    List<RuleError> errors = errorsOf(builder.getResults(), source);
    if (!errors.isEmpty()) {
      services.getRepository().removeKieModule(releaseId);
      throw new RuleCompileException(source, errors);
    }
    String hash = HexFormat.of().formatHex(digest.digest());
    Instant builtAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new Build(source, hash.substring(0, 8) + "@" + builtAt, hash, builtAt, releaseId);
  }

  /**
   * The hash a package compiled from {@code dir} now would have, without compiling: tells
   * whether the rule files changed, and names a package that does not compile.
   *
   * @throws RuleCompileException when {@code dir} is not a directory or holds no rule file
   */
  public static String contentHash(Path dir) {
    MessageDigest digest = sha256();
    for (Path file : ruleFiles(dir, dir.toString())) {
      hash(digest, relativeName(dir, file), read(file));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void hash(MessageDigest digest, String name, byte[] content) {
    digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
    digest.update(content);
  }

  /** One STREAM-mode rule base holding every file, whatever package its rules declare. */
  private static KieModuleModel streamModule(KieServices services) {
    KieModuleModel module = services.newKieModuleModel();
    module.newKieBaseModel(KIE_BASE)
        .setDefault(true)
        .addPackage("*")
        .setEventProcessingMode(EventProcessingOption.STREAM);
    return module;
  }

  private static List<RuleError> errorsOf(Results results, String source) {
    List<RuleError> errors = new ArrayList<>();
    for (Message message : results.getMessages(Message.Level.ERROR)) {
      String path = message.getPath() == null ? source : message.getPath().replaceFirst("^" + KFS_ROOT, "");
      errors.add(new RuleError(path, Math.max(message.getLine(), 0), oneLine(message.getText())));
    }
    return syntaxErrorsFirst(errors);
  }

  /**
   * A file that does not parse leaves the package half-built, and Drools then reports dozens of
   * errors in the other files (their declared types "cannot be resolved"): shown together they
   * bury the one line to fix. When a file has a syntax error, only its files' errors are kept,
   * with a last line saying how many were left out.
   */
  private static List<RuleError> syntaxErrorsFirst(List<RuleError> errors) {
    Set<String> unparsed = new HashSet<>();
    for (RuleError error : errors) {
      if (error.message().startsWith("[ERR ") || error.message().startsWith("Parser returned a null Package")) {
        unparsed.add(error.file());
      }
    }
    if (unparsed.isEmpty()) {
      return errors;
    }
    List<RuleError> kept = new ArrayList<>();
    for (RuleError error : errors) {
      if (unparsed.contains(error.file())) {
        kept.add(error);
      }
    }
    int left = errors.size() - kept.size();
    if (left > 0) {
      kept.add(new RuleError(String.join(", ", new TreeSet<>(unparsed)), 0, left
          + " error(s) in other files left out: they follow from the syntax error above; fix it first"));
    }
    return kept;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /**
   * Updates this package's rule base in place to {@code next}: rules of changed files are
   * replaced, of removed files dropped, of new files added. Sessions made from this package
   * keep all their facts, windows and timers. No session may be working meanwhile (the engine
   * holds every account between two events); this object is spent afterwards, use the result.
   *
   * @throws RuleCompileException when the update cannot be applied (the running rules stay)
   * @throws IllegalStateException when the rule base could not be updated in place
   */
  RulePackage replaceWith(Build next) {
    Results results = container.updateToVersion(next.releaseId());
    List<RuleError> errors = errorsOf(results, next.source());
    if (!errors.isEmpty()) {
      throw new RuleCompileException(next.source(), errors);
    }
    if (container.getKieBase(KIE_BASE) != kieBase) {
      throw new IllegalStateException("the rule base of " + next.source() + " was rebuilt instead of updated in place;"
          + " the running sessions keep version " + version());
    }
    KieServices.get().getRepository().removeKieModule(build.releaseId());
    return new RulePackage(next, container);
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
    return build.source();
  }

  /** Content hash (short) and compile time: what audit rows name as the deciding rules. */
  public String version() {
    return build.version();
  }

  /** What was compiled: source, version, full content hash. */
  public Build build() {
    return build;
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

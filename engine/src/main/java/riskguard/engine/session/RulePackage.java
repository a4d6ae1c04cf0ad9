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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.drools.core.phreak.PhreakBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.Results;
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
 * <p>A running package can take a new version of its directory ({@link #prepareUpdate} off the
 * event path, which recompiles only the files that changed, then {@link #replaceWith} while no
 * session is working): the rule base is updated in place, so every session made from it keeps
 * its facts, windows and timers and sees the new rules from its next operation on.
 */
public final class RulePackage {

  /**
   * How Drools builds a rule's network memory ("segments"): when the rule is added (eager, the
   * default of Drools 10.2) or when a session first needs it (lazy). Only lazy creation takes a
   * changed or removed rule's matches out of every session of the rule base: the eager one,
   * for a rule of one pattern with only alpha constraints, left them in all sessions but one,
   * which then failed on the next update or delete of those facts and lost the event
   * (SwapCountingTest, docs/performance.md "Reload"). Drools reads the setting once, when it
   * builds its first rule base; riskguard builds every rule base through this class, so it
   * is set first. The two modes cost the same per event in the bench's replay.
   */
  static final String EAGER_SEGMENTS = "drools.useEagerSegmentCreation";

  static {
    System.setProperty(EAGER_SEGMENTS, "false");
  }

  /** A file of the shipped package, used to find the package on the classpath. */
  static final String SHIPPED_MARKER = "rules/lockout-guard.drl";

  private static final List<String> EXTENSIONS = List.of(".dsl", ".drl", ".dslr");

  private final Build build;
  private final KieContainer container;
  private final KieBase kieBase;
  private final int ruleCount;

  private RulePackage(Build build, KieContainer container) {
    this.build = build;
    this.container = container;
    this.kieBase = container.getKieBase(RuleWorkspace.KIE_BASE);
    this.ruleCount = kieBase.getKiePackages().stream().mapToInt(pkg -> pkg.getRules().size()).sum();
  }

  /**
   * A rule directory compiled and checked, not yet running: the result of {@link #prepare} or
   * {@link #prepareUpdate}. It holds the compiler's state, so the version after it can be
   * compiled from what changed.
   */
  public static final class Build {

    private final String source;
    private final String version;
    private final String contentHash;
    private final Instant builtAt;
    private final RuleWorkspace workspace;
    /** The rule files as written, by relative name. */
    private final Map<String, byte[]> files;
    /** The config the package is tailored to (its idle rules left out); null: every rule runs. */
    private final EngineSettings tailoredTo;
    private final IdleRules idle;
    private final List<String> compiledFiles;
    private final boolean incremental;

    private Build(String source, Map<String, byte[]> files, RuleWorkspace workspace, EngineSettings tailoredTo,
        IdleRules idle, List<String> compiledFiles, boolean incremental) {
      this.source = source;
      this.files = files;
      this.contentHash = hash(files);
      this.builtAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      this.version = runningHash(contentHash, idle).substring(0, 8) + "@" + builtAt;
      this.workspace = workspace;
      this.tailoredTo = tailoredTo;
      this.idle = idle;
      this.compiledFiles = List.copyOf(compiledFiles);
      this.incremental = incremental;
    }

    /** The rule directory, or "shipped". */
    public String source() {
      return source;
    }

    /**
     * The hash (short) of what runs and the time it was compiled, e.g. {@code
     * 3f9a1c2e@2026-11-25T15:30:02Z}: the content hash, or for a package tailored to a config
     * that leaves rules out, a hash of the content hash and the rules left out, so two packages
     * running different rules never share a version.
     */
    public String version() {
      return version;
    }

    /** SHA-256 of the files' names and contents, in hex. */
    public String contentHash() {
      return contentHash;
    }

    public Instant builtAt() {
      return builtAt;
    }

    /** The files this build compiled: every file, or for an incremental build only those that changed. */
    public List<String> compiledFiles() {
      return compiledFiles;
    }

    /** True when only the changed files were compiled, against the running package's build. */
    public boolean incremental() {
      return incremental;
    }

    /**
     * The rules left out because they cannot fire under the config the package is tailored to
     * (sorted names); empty when every rule runs.
     */
    public List<String> idleRules() {
      return idle.names();
    }

    ReleaseId releaseId() {
      return workspace.releaseId();
    }

    @Override
    public String toString() {
      return "Build[" + version + " from " + source + (incremental ? ", compiled " + compiledFiles : "") + "]";
    }
  }

  /**
   * Compiles every rule file in {@code dir} (subdirectories included).
   *
   * @throws RuleCompileException with every error as {@code file:line: message}, or when the
   *     directory holds no {@code .drl} file
   */
  public static RulePackage compile(Path dir) {
    return start(build(dir, dir.toString(), null));
  }

  /**
   * Compiles every rule file in {@code dir}, checks every rule, and runs only the rules that can
   * fire under {@code settings}: a rule whose conditions begin with config facts that the
   * settings do not match (a limit's variant that is off, a section that is disabled) is left
   * out ({@link IdleRules}). Engines made from it must run these settings; a config change
   * goes through {@link Engine#updateRuleSections}, which brings the left-out rules in line.
   *
   * @throws RuleCompileException as {@link #compile(Path)}
   */
  public static RulePackage compile(Path dir, EngineSettings settings) {
    return start(build(dir, dir.toString(), settings));
  }

  /**
   * Compiles and checks {@code dir} without running it, so a running package can be replaced
   * by it ({@link #replaceWith}); costs one compile.
   *
   * @throws RuleCompileException as {@link #compile}
   */
  public static Build prepare(Path dir) {
    return build(dir, dir.toString(), null);
  }

  private static RulePackage start(Build build) {
    return new RulePackage(build, KieServices.get().newKieContainer(build.releaseId()));
  }

  /** The package shipped with riskguard ({@code rules/} on the classpath), every rule running. */
  public static RulePackage shipped() {
    return shipped(null);
  }

  /** The package shipped with riskguard, tailored to {@code settings} as {@link #compile(Path, EngineSettings)}. */
  public static RulePackage shipped(EngineSettings settings) {
    URL marker = RulePackage.class.getClassLoader().getResource(SHIPPED_MARKER);
    if (marker == null) {
      throw new IllegalStateException("the shipped rule package (" + SHIPPED_MARKER + ") is not on the classpath");
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return start(build(jar.getPath(SHIPPED_MARKER).getParent(), "shipped", settings));
        }
      }
      return start(build(Path.of(uri).getParent(), "shipped", settings));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the shipped rule package at " + marker, e);
    }
  }

  /** Compiles every file of {@code dir} whole, then, when tailoring, again without the idle rules. */
  private static Build build(Path dir, String source, EngineSettings tailoredTo) {
    return build(read(dir, source), source, tailoredTo);
  }

  private static Build build(Map<String, byte[]> files, String source, EngineSettings tailoredTo) {
    RuleWorkspace.Compiled built = RuleWorkspace.compileAll(files);
    RuleWorkspace workspace = built.workspace();
    List<RuleError> errors = errorsOf(built.outcome().errors(), source);
    if (!errors.isEmpty()) {
      KieServices.get().getRepository().removeKieModule(workspace.releaseId());
      throw new RuleCompileException(source, errors);
    }
    IdleRules idle = leaveOutIdle(workspace, files, tailoredTo, source);
    return new Build(source, files, workspace, tailoredTo, idle, built.outcome().compiled(), false);
  }

  /**
   * Recompiles, in {@code workspace} (which holds {@code files} compiled, some perhaps without
   * their idle rules), the files whose idle rules under {@code tailoredTo} differ from what it
   * holds; a workspace already holding them compiles nothing.
   */
  private static IdleRules leaveOutIdle(RuleWorkspace workspace, Map<String, byte[]> files, EngineSettings tailoredTo,
      String source) {
    if (tailoredTo == null) {
      return IdleRules.NONE;
    }
    IdleRules idle = IdleRules.under(files, tailoredTo.configFacts(), EngineSettings.CONFIG_TYPES);
    leaveOut(workspace, files, idle, source);
    return idle;
  }

  private static RuleWorkspace.Outcome leaveOut(RuleWorkspace workspace, Map<String, byte[]> files, IdleRules idle,
      String source) {
    RuleWorkspace.Outcome outcome = workspace.rebuild(idle.leaveOut(files));
    List<RuleError> errors = errorsOf(outcome.errors(), source);
    if (!errors.isEmpty()) {
      throw new RuleCompileException(source, errors);
    }
    return outcome;
  }

  /**
   * Compiles the version of {@code dir} that is to replace this package ({@link #replaceWith}),
   * costing only what changed since this package was compiled: the changed, added and removed
   * files are recompiled against the rest. A changed vocabulary ({@code .dsl}), or a running
   * package whose last update failed, compiles the whole directory as {@link #prepare} does.
   *
   * @throws RuleCompileException as {@link #compile}
   */
  public Build prepareUpdate(Path dir) {
    return prepareUpdate(dir, build.tailoredTo);
  }

  /**
   * As {@link #prepareUpdate(Path)}, tailored to {@code settings} (null: every rule runs). The
   * files that changed are compiled whole first, so an error in a rule that would be left out
   * is still reported.
   */
  Build prepareUpdate(Path dir, EngineSettings settings) {
    String source = dir.toString();
    Map<String, byte[]> files = read(dir, source);
    RuleWorkspace workspace = build.workspace;
    if (!workspace.canRebuild(files)) {
      return build(files, source, settings);
    }
    Map<String, byte[]> held = build.idle.leaveOut(build.files);
    Map<String, byte[]> checked = new LinkedHashMap<>(files);
    checked.replaceAll((name, content) -> Arrays.equals(content, build.files.get(name)) ? held.get(name) : content);
    RuleWorkspace.Outcome outcome = workspace.rebuild(checked);
    List<RuleError> errors = errorsOf(outcome.errors(), source);
    if (!errors.isEmpty()) {
      throw new RuleCompileException(source, errors);
    }
    IdleRules idle = leaveOutIdle(workspace, files, settings, source);
    return new Build(source, files, workspace, settings, idle, outcome.compiled(), true);
  }

  /**
   * The running rules tailored to new config facts, when the rules left out change with them:
   * the files concerned are recompiled (off the event path) for {@link #replaceWith}. Null when
   * the package is not tailored or the same rules stay idle.
   *
   * @throws RuleCompileException when the rules cannot be recompiled (the running ones stay)
   */
  Build prepareTailoring(EngineSettings settings) {
    if (build.tailoredTo == null) {
      return null;
    }
    IdleRules idle = IdleRules.under(build.files, settings.configFacts(), EngineSettings.CONFIG_TYPES);
    if (idle.equals(build.idle)) {
      return null;
    }
    if (!build.workspace.canRebuild(build.files)) {
      return build(build.files, build.source, settings);
    }
    RuleWorkspace.Outcome outcome = leaveOut(build.workspace, build.files, idle, build.source);
    return new Build(build.source, build.files, build.workspace, settings, idle, outcome.compiled(), true);
  }

  /** True when the package runs only the rules that can fire under {@code settings}' config facts. */
  boolean isTailoredTo(EngineSettings settings) {
    return build.tailoredTo != null && build.tailoredTo.configFacts().equals(settings.configFacts());
  }

  /** True when the package leaves out rules that cannot fire under its config. */
  boolean isTailored() {
    return build.tailoredTo != null;
  }

  /** Every rule file of {@code dir} by its relative name, vocabularies first. */
  private static Map<String, byte[]> read(Path dir, String source) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Path file : ruleFiles(dir, source)) {
      files.put(relativeName(dir, file), read(file));
    }
    return files;
  }

  private static String runningHash(String contentHash, IdleRules idle) {
    if (idle.count() == 0) {
      return contentHash;
    }
    MessageDigest digest = sha256();
    digest.update(contentHash.getBytes(StandardCharsets.UTF_8));
    idle.names().forEach(name -> digest.update(("\nleft out: " + name).getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String hash(Map<String, byte[]> files) {
    MessageDigest digest = sha256();
    files.forEach((name, content) -> hash(digest, name, content));
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The hash a package compiled from {@code dir} now would have, without compiling: tells
   * whether the rule files changed, and names a package that does not compile.
   *
   * @throws RuleCompileException when {@code dir} is not a directory or holds no rule file
   */
  public static String contentHash(Path dir) {
    return hash(read(dir, dir.toString()));
  }

  private static void hash(MessageDigest digest, String name, byte[] content) {
    digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
    digest.update(content);
  }

  private static List<RuleError> errorsOf(List<Message> messages, String source) {
    List<RuleError> errors = new ArrayList<>();
    for (Message message : messages) {
      String path = message.getPath() == null ? source : message.getPath().replaceFirst("^" + RuleWorkspace.KFS_ROOT, "");
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

  static MessageDigest sha256() {
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
   * @throws IllegalStateException when the rule base could not be updated in place, or not
   *     safely (Drools started with eager segment creation, see {@link #EAGER_SEGMENTS})
   */
  RulePackage replaceWith(Build next) {
    if (PhreakBuilder.isEagerSegmentCreation()) {
      next.workspace.retire();
      throw new IllegalStateException("Drools was started with eager segment creation (" + EAGER_SEGMENTS
          + " read before riskguard set it), which loses events when a rule changes in place; the running sessions"
          + " keep version " + version());
    }
    Results results = container.updateToVersion(next.releaseId());
    List<RuleError> errors = errorsOf(results.getMessages(Message.Level.ERROR), next.source());
    if (!errors.isEmpty()) {
      next.workspace.retire();
      build.workspace.retire();
      throw new RuleCompileException(next.source(), errors);
    }
    if (container.getKieBase(RuleWorkspace.KIE_BASE) != kieBase) {
      next.workspace.retire();
      throw new IllegalStateException("the rule base of " + next.source() + " was rebuilt instead of updated in place;"
          + " the running sessions keep version " + version());
    }
    if (next.workspace != build.workspace) {
      build.workspace.retire();
      KieServices.get().getRepository().removeKieModule(build.releaseId());
    }
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

  /** Hash (short) of what runs and compile time: what audit rows name as the deciding rules. */
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

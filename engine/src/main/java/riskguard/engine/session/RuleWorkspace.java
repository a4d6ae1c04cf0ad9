package riskguard.engine.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EventProcessingOption;
import org.kie.internal.builder.IncrementalResults;
import org.kie.internal.builder.InternalKieBuilder;

/**
 * The Drools build a rule package came from, kept so that the next version of the directory
 * costs only what changed: a changed, added or removed file is recompiled alone against the
 * compiled rest ({@link #rebuild}) instead of compiling every file again. The result is the
 * same module under the same release, which the running container then takes in place.
 *
 * <p>A vocabulary ({@code .dsl}) that changes is not rebuilt here: every {@code .dslr} would
 * need expanding again, and Drools keeps the old mapping next to the new one; the caller
 * compiles the whole package instead. A rebuild that fails leaves Drools' build state behind
 * a failed attempt, so this workspace is then retired and the next version is compiled whole.
 * Used by one thread at a time (the reload).
 */
final class RuleWorkspace {

  static final String KFS_ROOT = "src/main/resources/";
  static final String KIE_BASE = "rules";
  private static final AtomicLong RELEASES = new AtomicLong();

  private final KieFileSystem kfs;
  private final KieBuilder builder;
  private final ReleaseId releaseId;
  /** The files the builder holds, by name relative to the rule directory, in compile order. */
  private Map<String, byte[]> files;
  private boolean retired;

  private RuleWorkspace(KieFileSystem kfs, KieBuilder builder, ReleaseId releaseId, Map<String, byte[]> files) {
    this.kfs = kfs;
    this.builder = builder;
    this.releaseId = releaseId;
    this.files = files;
  }

  /** The outcome of a build: its errors (none when it compiled) and the files it compiled. */
  record Outcome(List<Message> errors, List<String> compiled) {}

  /** A whole package compiled: the workspace is usable only when the outcome has no errors. */
  record Compiled(RuleWorkspace workspace, Outcome outcome) {}

  /**
   * Compiles every file, under a new release.
   *
   * @param files name relative to the rule directory → content, {@code .dsl} files first
   */
  static Compiled compileAll(Map<String, byte[]> files) {
    KieServices services = KieServices.get();
    ReleaseId releaseId = services.newReleaseId("riskguard", "rules", "1.0." + RELEASES.incrementAndGet());
    KieFileSystem kfs = services.newKieFileSystem().generateAndWritePomXML(releaseId);
    kfs.writeKModuleXML(streamModule(services).toXML());
    String vocabulary = vocabularyHash(files);
    files.forEach((name, content) -> kfs.write(KFS_ROOT + name, asCompiled(name, content, vocabulary)));
    KieBuilder builder = services.newKieBuilder(kfs).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    RuleWorkspace workspace = new RuleWorkspace(kfs, builder, releaseId, new LinkedHashMap<>(files));
    if (!errors.isEmpty()) {
      workspace.retire();
    }
    return new Compiled(workspace, new Outcome(errors, List.copyOf(files.keySet())));
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

  /**
   * True when {@code next} can be built from this workspace by {@link #rebuild}: it is not
   * retired and no vocabulary changed, came or went.
   */
  boolean canRebuild(Map<String, byte[]> next) {
    if (retired) {
      return false;
    }
    for (String name : changedNames(next)) {
      if (name.endsWith(".dsl")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Recompiles the files of {@code next} that differ from what the workspace holds (changed,
   * added, removed) against the compiled rest, under the same release. On errors the workspace
   * is retired (see the class comment).
   */
  Outcome rebuild(Map<String, byte[]> next) {
    if (!canRebuild(next)) {
      throw new IllegalStateException("this rule build cannot be rebuilt in place");
    }
    List<String> changed = changedNames(next);
    List<String> paths = new ArrayList<>();
    String vocabulary = vocabularyHash(next);
    for (String name : changed) {
      byte[] content = next.get(name);
      if (content == null) {
        kfs.delete(KFS_ROOT + name);
      } else {
        kfs.write(KFS_ROOT + name, asCompiled(name, content, vocabulary));
      }
      paths.add(KFS_ROOT + name);
    }
    files = new LinkedHashMap<>(next);
    if (paths.isEmpty()) {
      return new Outcome(List.of(), List.of());
    }
    IncrementalResults results = ((InternalKieBuilder) builder).createFileSet(paths.toArray(String[]::new)).build();
    List<Message> errors = results.getAddedMessages().stream()
        .filter(message -> message.getLevel() == Message.Level.ERROR)
        .toList();
    if (!errors.isEmpty()) {
      retire();
    }
    return new Outcome(errors, changed);
  }

  /**
   * A {@code .dslr} is compiled with the vocabulary's hash appended as a comment: the running
   * container updates only the files whose bytes changed, so without it a changed {@code .dsl}
   * would leave every {@code .dslr} expanded with the old vocabulary. Appended after the last
   * line, it moves no line number.
   */
  private static byte[] asCompiled(String name, byte[] content, String vocabulary) {
    if (!name.endsWith(".dslr")) {
      return content;
    }
    byte[] marker = ("\n// compiled with vocabulary " + vocabulary + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] compiled = Arrays.copyOf(content, content.length + marker.length);
    System.arraycopy(marker, 0, compiled, content.length, marker.length);
    return compiled;
  }

  private static String vocabularyHash(Map<String, byte[]> files) {
    MessageDigest digest = RulePackage.sha256();
    files.forEach((name, content) -> {
      if (name.endsWith(".dsl")) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update(content);
      }
    });
    return HexFormat.of().formatHex(digest.digest(), 0, 8);
  }

  private List<String> changedNames(Map<String, byte[]> next) {
    List<String> changed = new ArrayList<>();
    next.forEach((name, content) -> {
      if (!Arrays.equals(content, files.get(name))) {
        changed.add(name);
      }
    });
    files.keySet().stream().filter(name -> !next.containsKey(name)).forEach(changed::add);
    return changed;
  }

  ReleaseId releaseId() {
    return releaseId;
  }

  /** No more rebuilds; the module it built (if any) stays until the package using it is replaced. */
  void retire() {
    retired = true;
  }
}

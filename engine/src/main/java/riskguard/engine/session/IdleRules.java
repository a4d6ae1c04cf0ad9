package riskguard.engine.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.kie.internal.utils.KieHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of a package that cannot fire under the config in force, so the running package
 * can leave them out. A rule whose conditions begin with config facts (the rule sections and
 * the risk settings, which every session holds from its start and which change only with the
 * config) can fire only if those facts match its first patterns; when none do, the rule is
 * idle until the config changes. Every variant of a limit (RULE-004's scopes and actions,
 * RULE-005's modes) is a rule of its own, and an idle rule is not free: Drools still hands it
 * every update of the facts it joins, which cost a third of a quote's time.
 *
 * <p>The leading config patterns of every rule are asked as Drools queries, in a throwaway rule
 * base holding the package's declarations and functions but none of its rules, against the
 * config's facts: no answer, idle. Drools itself judges the constraints, so a rule is left out
 * only when Drools would never match it. Only {@code .drl} files are looked at (a {@code .dslr}
 * rule is expanded from its vocabulary first, and is always kept). A probe that does not
 * compile leaves every rule in, with a warning.
 */
final class IdleRules {

  private static final Logger LOG = LoggerFactory.getLogger(IdleRules.class);
  private static final String QUERY_PREFIX = "riskguard idle-rule probe ";

  /** No rule left out. */
  static final IdleRules NONE = new IdleRules(Map.of());

  /** Rule names by the relative name of the file that holds them. */
  private final Map<String, Set<String>> byFile;

  private IdleRules(Map<String, Set<String>> byFile) {
    this.byFile = byFile;
  }

  /** A rule that may be idle: its file and name. */
  private record Gate(String file, String rule) {}

  /**
   * The rules of {@code files} that cannot fire while the sessions hold {@code configFacts}.
   *
   * @param files rule file name → content, as the package is compiled
   * @param configTypes every class a config fact can have (a section that is off is a type
   *     with no fact: the rules that need it are idle)
   */
  static IdleRules under(Map<String, byte[]> files, Collection<?> configFacts, Set<Class<?>> configTypes) {
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, PackageDescr> parsedFiles = new LinkedHashMap<>();
    Set<String> parents = new HashSet<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      if (!file.getKey().endsWith(".drl")) {
        continue;
      }
      String text = new String(file.getValue(), StandardCharsets.UTF_8);
      PackageDescr parsed = parse(text);
      if (parsed == null) {
        return NONE;
      }
      texts.put(file.getKey(), text);
      parsedFiles.put(file.getKey(), parsed);
      parsed.getRules().stream().map(RuleDescr::getParentName).filter(Objects::nonNull).forEach(parents::add);
    }
    List<Gate> gates = new ArrayList<>();
    Map<String, String> probes = new LinkedHashMap<>();
    for (Map.Entry<String, PackageDescr> file : parsedFiles.entrySet()) {
      String text = texts.get(file.getKey());
      PackageDescr parsed = file.getValue();
      StringBuilder probe = new StringBuilder(withoutRules(text, parsed.getRules()));
      for (RuleDescr rule : parsed.getRules()) {
        if (rule.isQuery() || parents.contains(rule.getName())) {
          continue;
        }
        List<String> patterns = leadingConfigPatterns(rule, text, parsed, configTypes);
        if (!patterns.isEmpty()) {
          probe.append("\nquery \"").append(QUERY_PREFIX).append(gates.size()).append("\"\n    ")
              .append(String.join("\n    ", patterns)).append("\nend\n");
          gates.add(new Gate(file.getKey(), rule.getName()));
        }
      }
      probes.put(file.getKey(), probe.toString());
    }
    return gates.isEmpty() ? NONE : probe(probes, gates, configFacts);
  }

  /**
   * The patterns a rule's conditions begin with while they are plain patterns of config types
   * (no {@code from}, not under {@code not}, {@code exists} or {@code or}); their constraints
   * can only name what those patterns bind, so they can be asked on their own.
   */
  private static List<String> leadingConfigPatterns(RuleDescr rule, String text, PackageDescr parsed,
      Set<Class<?>> configTypes) {
    List<String> patterns = new ArrayList<>();
    if (rule.getLhs() == null) {
      return patterns;
    }
    for (BaseDescr condition : rule.getLhs().getDescrs()) {
      if (!(condition instanceof PatternDescr pattern) || pattern.getSource() != null
          || !isConfigType(pattern.getObjectType(), parsed, configTypes)) {
        break;
      }
      patterns.add(text.substring(pattern.getStartCharacter(), pattern.getEndCharacter()));
    }
    return patterns;
  }

  private static boolean isConfigType(String name, PackageDescr parsed, Set<Class<?>> configTypes) {
    for (Class<?> type : configTypes) {
      if (name.equals(type.getName())) {
        return true;
      }
      if (name.equals(type.getSimpleName()) && isImported(type, parsed)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isImported(Class<?> type, PackageDescr parsed) {
    for (ImportDescr imported : parsed.getImports()) {
      String target = imported.getTarget();
      if (target.equals(type.getName()) || target.equals(type.getPackageName() + ".*")) {
        return true;
      }
    }
    return false;
  }

  /** Null when the file does not parse: the compiler reports it, nothing is left out. */
  private static PackageDescr parse(String text) {
    DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
    try {
      PackageDescr parsed = parser.parse(null, text);
      return parser.hasErrors() ? null : parsed;
    } catch (DroolsParserException e) {
      return null;
    }
  }

  private static IdleRules probe(Map<String, String> probes, List<Gate> gates, Collection<?> configFacts) {
    KieHelper helper = new KieHelper();
    probes.forEach((name, text) -> helper.addContent(text, RuleWorkspace.KFS_ROOT + name));
    Results results = helper.verify();
    if (results.hasMessages(Message.Level.ERROR)) {
      LOG.warn("every rule kept running: the probe for rules idle under this config did not compile ({})",
          results.getMessages(Message.Level.ERROR).get(0).getText().strip());
      return NONE;
    }
    KieBase base = helper.build(EventProcessingOption.STREAM);
    KieSession session = base.newKieSession();
    try {
      configFacts.forEach(session::insert);
      Map<String, Set<String>> idle = new LinkedHashMap<>();
      for (int i = 0; i < gates.size(); i++) {
        if (session.getQueryResults(QUERY_PREFIX + i).size() == 0) {
          Gate gate = gates.get(i);
          idle.computeIfAbsent(gate.file(), file -> new TreeSet<>()).add(gate.rule());
        }
      }
      return new IdleRules(Map.copyOf(idle));
    } finally {
      session.dispose();
    }
  }

  /**
   * {@code text} with the given rules replaced by blanks, every line break kept, so the compiler
   * still reports the other rules' errors at their lines.
   */
  private static String withoutRules(String text, List<RuleDescr> rules) {
    char[] chars = text.toCharArray();
    for (RuleDescr rule : rules) {
      for (int at = rule.getStartCharacter(); at < rule.getEndCharacter() && at < chars.length; at++) {
        if (chars[at] != '\n' && chars[at] != '\r') {
          chars[at] = ' ';
        }
      }
    }
    return new String(chars);
  }

  /** {@code files} as they are compiled when these rules are left out. */
  Map<String, byte[]> leaveOut(Map<String, byte[]> files) {
    Map<String, byte[]> compiled = new LinkedHashMap<>(files);
    byFile.forEach((name, rules) -> {
      String text = new String(files.get(name), StandardCharsets.UTF_8);
      PackageDescr parsed = parse(text);
      List<RuleDescr> idle = parsed.getRules().stream().filter(rule -> rules.contains(rule.getName())).toList();
      compiled.put(name, withoutRules(text, idle).getBytes(StandardCharsets.UTF_8));
    });
    return compiled;
  }

  /** How many rules are left out. */
  int count() {
    return byFile.values().stream().mapToInt(Set::size).sum();
  }

  /** The rules left out, by name, sorted. */
  List<String> names() {
    return byFile.values().stream().flatMap(Set::stream).sorted().toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdleRules idle && idle.byFile.equals(byFile);
  }

  @Override
  public int hashCode() {
    return byFile.hashCode();
  }

  @Override
  public String toString() {
    return "IdleRules" + byFile;
  }
}

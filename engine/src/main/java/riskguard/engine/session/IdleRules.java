package riskguard.engine.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
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
 * base holding each file's imports and those queries, against the config's facts: no answer,
 * idle. Drools itself judges the constraints, so a rule is left out only when Drools would
 * never match it. Only {@code .drl} files are looked at (a {@code .dslr} rule is expanded from
 * its vocabulary first, and is always kept); queries and rules that others extend are kept. A
 * file whose probe does not compile keeps all its rules.
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
   * What decides which rules are idle: each file's probe (its imports and the queries of its
   * rules' leading config patterns, numbered in order) and the config's facts. Rule names are
   * not in it: the answer is by query number.
   */
  private record Probe(Map<String, String> files, List<Object> configFacts) {}

  /**
   * The last probes asked, with the numbers of their queries that had no answer. A rule reload
   * rarely changes a leading config pattern, and compiling the probe costs about as much as
   * compiling a rule file, so the reload asks again only when a probe or the config changed.
   */
  private static final LastUsed<Probe, BitSet> ASKED = new LastUsed<>(8);

  /** A parsed file by its text: a reload parses every file again although one changed. */
  private static final LastUsed<String, Optional<PackageDescr>> PARSED = new LastUsed<>(64);

  /** The last {@code capacity} values computed, by key; used from the reload and start-up threads. */
  private static final class LastUsed<K, V> {

    private final Map<K, V> values;

    LastUsed(int capacity) {
      this.values = new LinkedHashMap<>(capacity, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
          return size() > capacity;
        }
      };
    }

    V get(K key, Function<K, V> compute) {
      synchronized (values) {
        V known = values.get(key);
        if (known != null) {
          return known;
        }
      }
      V computed = compute.apply(key);
      synchronized (values) {
        values.put(key, computed);
      }
      return computed;
    }
  }

  private static BitSet asked(Probe probe, List<Gate> gates) {
    return (BitSet) ASKED.get(probe, key -> probe(key, gates)).clone();
  }

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
      StringBuilder queries = new StringBuilder();
      for (RuleDescr rule : parsed.getRules()) {
        if (rule.isQuery() || parents.contains(rule.getName())) {
          continue;
        }
        List<String> patterns = leadingConfigPatterns(rule, text, parsed, configTypes);
        if (!patterns.isEmpty()) {
          queries.append("\nquery \"").append(QUERY_PREFIX).append(gates.size()).append("\"\n    ")
              .append(String.join("\n    ", patterns)).append("\nend\n");
          gates.add(new Gate(file.getKey(), rule.getName()));
        }
      }
      if (!queries.isEmpty()) {
        probes.put(file.getKey(), header(parsed) + queries);
      }
    }
    if (gates.isEmpty()) {
      return NONE;
    }
    BitSet unanswered = asked(new Probe(Map.copyOf(probes), List.copyOf(configFacts)), gates);
    Map<String, Set<String>> idle = new LinkedHashMap<>();
    unanswered.stream().mapToObj(gates::get)
        .forEach(gate -> idle.computeIfAbsent(gate.file(), file -> new TreeSet<>()).add(gate.rule()));
    return new IdleRules(Map.copyOf(idle));
  }

  /** The file's package and imports: what its patterns' names and constants need. */
  private static String header(PackageDescr parsed) {
    StringBuilder header = new StringBuilder();
    if (!parsed.getName().isEmpty()) {
      header.append("package ").append(parsed.getName()).append(";\n");
    }
    parsed.getImports().forEach(imported -> header.append("import ").append(imported.getTarget()).append(";\n"));
    parsed.getFunctionImports().forEach(imported ->
        header.append("import function ").append(imported.getTarget()).append(";\n"));
    return header.toString();
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

  /**
   * Null when the file does not parse: the compiler reports it, nothing is left out. The last
   * files parsed are kept by content (the descriptions are only read).
   */
  private static PackageDescr parse(String text) {
    return PARSED.get(text, IdleRules::parseNow).orElse(null);
  }

  private static Optional<PackageDescr> parseNow(String text) {
    DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
    try {
      PackageDescr parsed = parser.parse(null, text);
      return parser.hasErrors() ? Optional.empty() : Optional.of(parsed);
    } catch (DroolsParserException e) {
      return Optional.empty();
    }
  }

  /**
   * Compiles the probes and asks their queries. The probes hold a file's imports and queries
   * only (compiling the package's functions and declared types again would cost as much as the
   * package): a file whose queries need more (a function called in a leading pattern) does not
   * compile, and its rules are all kept.
   */
  private static BitSet probe(Probe probe, List<Gate> gates) {
    Map<String, String> compiling = new LinkedHashMap<>(probe.files());
    KieBase base = compile(compiling);
    if (base == null) {
      List<Message> errors = helperFor(compiling).verify().getMessages(Message.Level.ERROR);
      LOG.debug("rules kept whatever the config, as their leading patterns cannot be asked alone: {}", errors);
      for (Message error : errors) {
        String path = error.getPath() == null ? "" : error.getPath();
        compiling.keySet().removeIf(name -> path.equals(RuleWorkspace.KFS_ROOT + name));
      }
      base = compiling.isEmpty() ? null : compile(compiling);
      if (base == null) {
        LOG.warn("every rule kept running: the probe for rules idle under this config did not compile ({})",
            errors.isEmpty() ? "no message" : errors.get(0).getText().strip());
        return new BitSet();
      }
    }
    KieSession session = base.newKieSession();
    try {
      probe.configFacts().forEach(session::insert);
      BitSet unanswered = new BitSet();
      for (int i = 0; i < gates.size(); i++) {
        if (compiling.containsKey(gates.get(i).file()) && session.getQueryResults(QUERY_PREFIX + i).size() == 0) {
          unanswered.set(i);
        }
      }
      return unanswered;
    } finally {
      session.dispose();
    }
  }

  /** The probes' rule base, or null when they do not compile. */
  private static KieBase compile(Map<String, String> probes) {
    try {
      return helperFor(probes).build(EventProcessingOption.STREAM);
    } catch (RuntimeException errors) {
      return null;
    }
  }

  private static KieHelper helperFor(Map<String, String> probes) {
    KieHelper helper = new KieHelper();
    probes.forEach((name, text) -> helper.addContent(text, RuleWorkspace.KFS_ROOT + name));
    return helper;
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

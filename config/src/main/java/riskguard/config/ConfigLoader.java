package riskguard.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads and validates a riskguard YAML file. Every problem found is collected and thrown together
 * as one {@link ConfigException}; {@code ${NAME}} in string values is replaced from the environment
 * given to the constructor (the process environment for the static methods).
 */
public final class ConfigLoader {

  private final Map<String, String> environment;

  /** A loader that fills {@code ${NAME}} from {@code environment} instead of the process's. */
  public ConfigLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Loads {@code file} with the process environment. */
  public static RiskguardConfig load(Path file) {
    return new ConfigLoader(System.getenv()).read(file);
  }

  /**
   * Loads YAML text with the process environment; {@code displayName} names it in errors and
   * relative paths resolve against the working directory.
   */
  public static RiskguardConfig load(String yaml, String displayName) {
    return new ConfigLoader(System.getenv()).read(yaml, displayName, Path.of("").toAbsolutePath());
  }

  /** Loads {@code file}; relative paths in it resolve against its directory. */
  public RiskguardConfig read(Path file) {
    String name = file.toString();
    Problems problems = new Problems(name);
    String text = readText(file, problems);
    problems.throwIfAny();
    Path source = file.toAbsolutePath().normalize();
    return parse(text, problems, source, source.getParent());
  }

  /**
   * Loads YAML text named {@code displayName}; relative paths resolve against {@code
   * baseDirectory}.
   */
  public RiskguardConfig read(String yaml, String displayName, Path baseDirectory) {
    Path base = baseDirectory.toAbsolutePath().normalize();
    return parse(yaml, new Problems(displayName), base.resolve(displayName).normalize(), base);
  }

  private RiskguardConfig parse(String yaml, Problems problems, Path source, Path baseDirectory) {
    YamlNode root = new YamlReader(problems).read(yaml);
    problems.throwIfAny();
    ValueParser values = new ValueParser(problems, environment);
    RiskguardConfig config = new ConfigBinder(values, baseDirectory).bind(root, source);
    problems.throwIfAny();
    return config;
  }

  private static String readText(Path file, Problems problems) {
    if (Files.isDirectory(file)) {
      problems.fileProblem("is a directory, not a config file");
      return null;
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (NoSuchFileException e) {
      problems.fileProblem("file not found");
    } catch (AccessDeniedException e) {
      problems.fileProblem("cannot read the file: permission denied");
    } catch (CharacterCodingException e) {
      problems.fileProblem("not UTF-8 text");
    } catch (IOException e) {
      problems.fileProblem("cannot read the file: " + e.getMessage());
    }
    return null;
  }
}

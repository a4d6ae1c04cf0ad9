package riskguard.app;

import java.nio.file.Path;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/** Which rule package a command runs: the directory given, else the shipped one. */
final class RulesOption {

  private RulesOption() {}

  static RulePackage compile(Path dir) {
    return dir == null ? RulePackage.shipped() : RulePackage.compile(dir);
  }

  /** The package tailored to the config: the rules it cannot fire are left out (see {@link RulePackage}). */
  static RulePackage compile(Path dir, EngineSettings settings) {
    return dir == null ? RulePackage.shipped(settings) : RulePackage.compile(dir, settings);
  }

  static String describe(Path dir) {
    return dir == null ? "the shipped rules" : dir.toString();
  }
}

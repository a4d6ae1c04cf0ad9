package riskguard.app;

import java.nio.file.Path;
import riskguard.engine.session.RulePackage;

/** Which rule package a command runs: the directory given, else the shipped one. */
final class RulesOption {

  private RulesOption() {}

  static RulePackage compile(Path dir) {
    return dir == null ? RulePackage.shipped() : RulePackage.compile(dir);
  }

  static String describe(Path dir) {
    return dir == null ? "the shipped rules" : dir.toString();
  }
}

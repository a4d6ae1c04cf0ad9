package riskguard.engine.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A time a rule waits for, stated as a fact. The engine tells working memory that the clock
 * moved ({@link Now}) only when the clock reaches a stated deadline, so a rule that compares
 * {@code Now} with a time must state that time: insert it logically next to what it waits
 * for, so it goes when its reason goes ({@code insertLogical(new Deadline($until, "LOCKOUT-GUARD"))}).
 * Equal deadlines (same instant, same rule) are one fact.
 *
 * @param instant when it falls due
 * @param rule the rule waiting for it
 */
public record Deadline(Instant instant, String rule) {

  public Deadline {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(rule, "rule");
  }
}

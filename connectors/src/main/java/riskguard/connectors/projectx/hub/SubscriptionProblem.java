package riskguard.connectors.projectx.hub;

import java.time.Instant;

/**
 * A subscription the hub refused (answered with an error) or did not answer in time: the events it
 * carries do not arrive. It is invoked again with backoff until the hub accepts it.
 *
 * @param hub the connection's name, e.g. {@code user hub}
 * @param target the subscribe method, e.g. {@code SubscribeTrades}
 * @param argument its argument as text (an account id, a contract id), or null for none
 * @param error the hub's message, or why there was no answer
 * @param attempts the invocations refused or unanswered in a row
 * @param since when the first of them was refused
 */
public record SubscriptionProblem(String hub, String target, String argument, String error, int attempts,
        Instant since) {

    /** {@code SubscribeTrades(536)}. */
    public String subscription() {
        return target + "(" + (argument == null ? "" : argument) + ")";
    }

    /** {@code user hub refused SubscribeTrades(536): <the hub's message>}. */
    public String describe() {
        return hub + " refused " + subscription() + ": " + error;
    }
}

package riskguard.engine.model;

import riskguard.engine.enforcement.Action;

/**
 * A decision on a position or order that has not taken effect yet. The decision channel
 * inserts one with every close, reduce and cancel; the engine removes it when working
 * memory shows the effect (the position flat or down to {@code targetSize}, the order
 * gone) or when the daemon reports that the action failed. Rules guard with
 * {@code not Enforcement(...)} so a breach that is being handled does not decide again on
 * every later event.
 *
 * @param contractId the contract for position actions, else null
 * @param orderId the order for {@code CANCEL_ORDER}, else null
 * @param targetSize for {@code REDUCE_POSITION}: the size the position will have after it
 */
public record Enforcement(
    String decisionId, String rule, Action action, String contractId, Long orderId, int targetSize) {}

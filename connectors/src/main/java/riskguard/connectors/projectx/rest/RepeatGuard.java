package riskguard.connectors.projectx.rest;

import java.util.Optional;

/**
 * Keeps a state-changing command from taking effect twice. An attempt that ended in an I/O error
 * or a 5xx may or may not have been carried out; the guard looks at the gateway's state and says
 * whether the work is already done before the call is repeated.
 */
interface RepeatGuard<T> {

    /** Before a repeat after an unknown outcome: the answer to return if the work is already done. */
    Optional<T> alreadyDone();

    /**
     * After the gateway refused: the answer to return if the refusal still leaves the wanted
     * state (e.g. a cancel of an order that is gone). {@code afterUnknownOutcome} tells whether an
     * earlier attempt of this call may have been carried out.
     */
    default Optional<T> doneDespiteRefusal(boolean afterUnknownOutcome) {
        return Optional.empty();
    }

    /** For reads and idempotent commands: always safe to repeat. */
    static <T> RepeatGuard<T> idempotent() {
        return Optional::empty;
    }
}

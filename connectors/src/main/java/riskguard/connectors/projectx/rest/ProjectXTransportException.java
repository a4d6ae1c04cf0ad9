package riskguard.connectors.projectx.rest;

/**
 * No usable answer: I/O errors, timeouts, 5xx or 429 until the retries ran out, or a body that is
 * not the expected JSON. For a command the outcome is unknown; reconcile through the searches.
 */
public final class ProjectXTransportException extends ProjectXException {

    ProjectXTransportException(String endpoint, Long accountId, String problem, Throwable cause) {
        super(endpoint, accountId, where(endpoint, accountId) + " failed: " + problem, cause);
    }
}

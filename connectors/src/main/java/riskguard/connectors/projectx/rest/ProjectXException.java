package riskguard.connectors.projectx.rest;

import java.util.OptionalLong;

/**
 * A REST call that did not succeed. Carries the endpoint and, where the call concerned one, the
 * account. The text never holds the token or the API key.
 */
public abstract sealed class ProjectXException extends RuntimeException
        permits ProjectXApiException, ProjectXTransportException {

    private final String endpoint;
    private final Long accountId;

    ProjectXException(String endpoint, Long accountId, String message, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
        this.accountId = accountId;
    }

    /** The endpoint path, e.g. {@code /api/Order/place}. */
    public String endpoint() {
        return endpoint;
    }

    public OptionalLong accountId() {
        return accountId == null ? OptionalLong.empty() : OptionalLong.of(accountId);
    }

    static String where(String endpoint, Long accountId) {
        return accountId == null ? endpoint : endpoint + " (account " + accountId + ")";
    }
}

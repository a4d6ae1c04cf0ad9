package riskguard.connectors.projectx.model;

/**
 * The envelope every REST answer carries. {@code success} decides, not the HTTP status: a failed
 * call may come back as HTTP 200 with {@code success: false} and a non-zero {@code errorCode}.
 */
public interface GatewayResponse {

    boolean success();

    int errorCode();

    String errorMessage();
}

package riskguard.connectors.projectx.model;

/** An answer that is the envelope only (close, partial close, modify, cancel). */
public record StatusResponse(boolean success, int errorCode, String errorMessage) implements GatewayResponse {

    public static StatusResponse ok() {
        return new StatusResponse(true, 0, null);
    }

    public static StatusResponse failed(int errorCode, String errorMessage) {
        return new StatusResponse(false, errorCode, errorMessage);
    }
}

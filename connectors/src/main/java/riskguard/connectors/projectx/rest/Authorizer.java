package riskguard.connectors.projectx.rest;

/** Supplies the bearer token for a call and a new one when the gateway rejects it. */
interface Authorizer {

    String token();

    /**
     * Called once per call after a 401. Returns the token to repeat with, or null if this
     * authorizer cannot renew (the 401 then becomes the call's error).
     */
    String renewAfterRejection(String rejectedToken);

    static Authorizer fixed(String token) {
        return new Authorizer() {
            @Override
            public String token() {
                return token;
            }

            @Override
            public String renewAfterRejection(String rejectedToken) {
                return null;
            }
        };
    }
}

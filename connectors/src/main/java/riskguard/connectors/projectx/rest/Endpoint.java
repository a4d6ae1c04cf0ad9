package riskguard.connectors.projectx.rest;

/** The REST endpoints the client calls, with the rate-limit bucket each one counts against. */
enum Endpoint {
    LOGIN_KEY("/api/Auth/loginKey"),
    VALIDATE("/api/Auth/validate"),
    ACCOUNT_SEARCH("/api/Account/search"),
    CONTRACT_SEARCH_BY_ID("/api/Contract/searchById"),
    CONTRACT_SEARCH("/api/Contract/search"),
    POSITION_SEARCH_OPEN("/api/Position/searchOpen"),
    POSITION_CLOSE_CONTRACT("/api/Position/closeContract"),
    POSITION_PARTIAL_CLOSE_CONTRACT("/api/Position/partialCloseContract"),
    ORDER_SEARCH_OPEN("/api/Order/searchOpen"),
    ORDER_SEARCH("/api/Order/search"),
    ORDER_PLACE("/api/Order/place"),
    ORDER_MODIFY("/api/Order/modify"),
    ORDER_CANCEL("/api/Order/cancel"),
    TRADE_SEARCH("/api/Trade/search"),
    HISTORY_RETRIEVE_BARS("/api/History/retrieveBars");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }

    boolean needsToken() {
        return this != LOGIN_KEY;
    }

    /** Bars have their own, tighter budget at the gateway. */
    boolean isBars() {
        return this == HISTORY_RETRIEVE_BARS;
    }

    @Override
    public String toString() {
        return path;
    }
}

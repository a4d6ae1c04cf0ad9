package riskguard.connectors.projectx.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Order type. Travels as its numeric code. */
public enum OrderType implements Codes.Coded {
    UNKNOWN(0),
    LIMIT(1),
    MARKET(2),
    STOP_LIMIT(3),
    STOP(4),
    TRAILING_STOP(5),
    JOIN_BID(6),
    JOIN_ASK(7);

    private final int code;

    OrderType(int code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public int code() {
        return code;
    }

    /** The constant for a wire code; an unknown code is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static OrderType fromCode(int code) {
        return Codes.find(OrderType.class, code);
    }
}

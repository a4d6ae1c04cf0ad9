package riskguard.connectors.projectx.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kind of a market depth (DOM) entry. Travels as its numeric code. */
public enum DomType implements Codes.Coded {
    UNKNOWN(0),
    ASK(1),
    BID(2),
    BEST_ASK(3),
    BEST_BID(4),
    TRADE(5),
    RESET(6),
    LOW(7),
    HIGH(8),
    NEW_BEST_BID(9),
    NEW_BEST_ASK(10),
    FILL(11);

    private final int code;

    DomType(int code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public int code() {
        return code;
    }

    /** The constant for a wire code; an unknown code is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static DomType fromCode(int code) {
        return Codes.find(DomType.class, code);
    }
}

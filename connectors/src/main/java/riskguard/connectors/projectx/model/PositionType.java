package riskguard.connectors.projectx.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Direction of an open position. Travels as its numeric code. */
public enum PositionType implements Codes.Coded {
    UNDEFINED(0),
    LONG(1),
    SHORT(2);

    private final int code;

    PositionType(int code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public int code() {
        return code;
    }

    /** The constant for a wire code; an unknown code is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static PositionType fromCode(int code) {
        return Codes.find(PositionType.class, code);
    }
}

package riskguard.connectors.projectx.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle state of an order. Travels as its numeric code. */
public enum OrderStatus implements Codes.Coded {
    NONE(0),
    OPEN(1),
    FILLED(2),
    CANCELLED(3),
    EXPIRED(4),
    REJECTED(5),
    PENDING(6);

    private final int code;

    OrderStatus(int code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public int code() {
        return code;
    }

    /** The constant for a wire code; an unknown code is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static OrderStatus fromCode(int code) {
        return Codes.find(OrderStatus.class, code);
    }
}

package riskguard.connectors.projectx.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Side of an order or fill: {@code BID} buys, {@code ASK} sells. Travels as its numeric code. */
public enum OrderSide implements Codes.Coded {
    BID(0),
    ASK(1);

    private final int code;

    OrderSide(int code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public int code() {
        return code;
    }

    /** The constant for a wire code; an unknown code is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static OrderSide fromCode(int code) {
        return Codes.find(OrderSide.class, code);
    }
}

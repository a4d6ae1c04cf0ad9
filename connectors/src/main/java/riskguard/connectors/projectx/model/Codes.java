package riskguard.connectors.projectx.model;

/** Looks up an enum constant by the numeric code the gateway sends. */
final class Codes {

    interface Coded {
        int code();
    }

    private Codes() {
    }

    static <E extends Enum<E> & Coded> E find(Class<E> type, int code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code() == code) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code " + code);
    }
}

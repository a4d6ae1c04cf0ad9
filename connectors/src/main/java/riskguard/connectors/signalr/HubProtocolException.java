package riskguard.connectors.signalr;

/**
 * A record that is not a valid hub message. The connection can go on: log it (once per
 * {@link Kind} is enough) and skip the record.
 */
public final class HubProtocolException extends Exception {

    private static final int EXCERPT_LENGTH = 120;

    /** What was wrong, coarse enough to count occurrences per kind. */
    public enum Kind {
        NOT_JSON,
        NOT_AN_OBJECT,
        MISSING_FIELD,
        WRONG_FIELD_TYPE,
        UNSUPPORTED_TYPE,
        OVERSIZED_RECORD,
        MESSAGE_BEFORE_HANDSHAKE
    }

    private final Kind kind;

    HubProtocolException(Kind kind, String detail, CharSequence record) {
        super(kind + ": " + detail + " in record " + excerpt(record));
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    private static String excerpt(CharSequence record) {
        if (record.length() <= EXCERPT_LENGTH) {
            return "'" + record + "'";
        }
        return "'" + record.subSequence(0, EXCERPT_LENGTH) + "…' (" + record.length() + " chars)";
    }
}

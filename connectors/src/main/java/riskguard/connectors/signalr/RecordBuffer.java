package riskguard.connectors.signalr;

import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles records from WebSocket text frames: a frame may hold several records, a record may
 * span frames. Not thread-safe; use one per connection, fed from the socket's reader thread.
 */
public final class RecordBuffer {

    /** Far above any ProjectX payload; a peer that never sends a separator must not fill the heap. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 4 * 1024 * 1024;

    private final StringBuilder pending = new StringBuilder();
    private final int maxRecordChars;

    public RecordBuffer() {
        this(DEFAULT_MAX_RECORD_CHARS);
    }

    public RecordBuffer(int maxRecordChars) {
        this.maxRecordChars = maxRecordChars;
    }

    /**
     * Adds a frame's text and returns the records it completed, in order, without separators.
     * Empty records (two separators in a row) are dropped.
     *
     * @throws HubProtocolException if the unfinished record grows past the limit; it is discarded
     */
    public List<String> append(CharSequence frame) throws HubProtocolException {
        List<String> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < frame.length(); i++) {
            if (frame.charAt(i) == HubProtocol.RECORD_SEPARATOR) {
                pending.append(frame, start, i);
                if (!pending.isEmpty()) {
                    records.add(pending.toString());
                }
                pending.setLength(0);
                start = i + 1;
            }
        }
        pending.append(frame, start, frame.length());
        if (pending.length() > maxRecordChars) {
            String dropped = pending.toString();
            pending.setLength(0);
            throw new HubProtocolException(HubProtocolException.Kind.OVERSIZED_RECORD,
                    "no record separator within " + maxRecordChars + " chars", dropped);
        }
        return records;
    }

    /** Characters received after the last separator, waiting for the rest of their record. */
    public int pendingChars() {
        return pending.length();
    }

    /** Forgets a partial record, e.g. when the connection it came from is gone. */
    public void clear() {
        pending.setLength(0);
    }
}

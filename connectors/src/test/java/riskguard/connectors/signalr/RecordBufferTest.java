package riskguard.connectors.signalr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordBufferTest {

    private static final String RS = "\u001e";

    private final RecordBuffer buffer = new RecordBuffer();

    @Test
    void yieldsEveryRecordOfAFrameInOrder() throws Exception {
        assertThat(buffer.append("{\"type\":6}" + RS + "{\"type\":1,\"target\":\"A\"}" + RS + "{}" + RS))
                .containsExactly("{\"type\":6}", "{\"type\":1,\"target\":\"A\"}", "{}");
        assertThat(buffer.pendingChars()).isZero();
    }

    @Test
    void joinsARecordSplitAcrossFrames() throws Exception {
        assertThat(buffer.append("{\"type\":1,\"tar")).isEmpty();
        assertThat(buffer.append("get\":\"GatewayQuote\"")).isEmpty();
        assertThat(buffer.append("}" + RS + "{\"ty")).containsExactly("{\"type\":1,\"target\":\"GatewayQuote\"}");
        assertThat(buffer.pendingChars()).isEqualTo(4);
        assertThat(buffer.append("pe\":6}" + RS)).containsExactly("{\"type\":6}");
    }

    @Test
    void separatorAloneInAFrameEndsThePendingRecord() throws Exception {
        buffer.append("{\"type\":6}");
        assertThat(buffer.append(RS)).containsExactly("{\"type\":6}");
    }

    @Test
    void dropsEmptyRecords() throws Exception {
        assertThat(buffer.append(RS + RS + "{}" + RS + RS)).containsExactly("{}");
    }

    @Test
    void keepsNonAsciiTextIntact() throws Exception {
        assertThat(buffer.append("{\"e\":\"é€")).isEmpty();
        assertThat(buffer.append("😀\"}" + RS)).containsExactly("{\"e\":\"é€😀\"}");
    }

    @Test
    void discardsARecordThatNeverEnds() throws Exception {
        RecordBuffer small = new RecordBuffer(16);
        small.append("0123456789");
        assertThatThrownBy(() -> small.append("0123456789"))
                .isInstanceOfSatisfying(HubProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(HubProtocolException.Kind.OVERSIZED_RECORD))
                .hasMessageContaining("16");
        assertThat(small.pendingChars()).isZero();
        assertThat(small.append("{}" + RS)).containsExactly("{}");
    }

    @Test
    void clearForgetsAPartialRecord() throws Exception {
        buffer.append("{\"type\":");
        buffer.clear();
        assertThat(buffer.append("{}" + RS)).containsExactly("{}");
    }
}

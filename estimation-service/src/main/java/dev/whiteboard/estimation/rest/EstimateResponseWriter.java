package dev.whiteboard.estimation.rest;

import dev.whiteboard.estimation.domain.FigureKey;
import dev.whiteboard.estimation.domain.NumberText;
import dev.whiteboard.estimation.domain.Unit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link EstimateResponse} as UTF-8 JSON by hand: the same document Jackson writes for the
 * record (numbers plain, absent figures left out), without reflection or an intermediate String, for
 * the hot POST /estimates. Each thread (an event loop) reuses one scratch buffer.
 */
public final class EstimateResponseWriter {
    private static final int SCRATCH_BYTES = 16 * 1024;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private static final byte[] FIGURES = ascii("\",\"figures\":{");
    /** {@code "writesPerDay":{"value":} and so on, by figure. */
    private static final byte[][] FIGURE_OPENINGS = new byte[FigureKey.values().length][];
    /** The units as JSON strings, quotes included. */
    private static final Map<String, byte[]> UNIT_STRINGS = new HashMap<>();
    private static final byte[] UNIT = ascii(",\"unit\":");
    private static final byte[] DECIMAL = ascii(",\"decimal\":");
    private static final byte[] BINARY = ascii(",\"binary\":");
    private static final byte[] FORMULA = ascii(",\"formula\":");
    private static final byte[] ASSUMPTIONS = ascii("},\"assumptions\":[");
    private static final byte[] CONVENTION = ascii("{\"convention\":\"");
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    static {
        for (FigureKey key : FigureKey.values()) {
            FIGURE_OPENINGS[key.ordinal()] = ascii("\"" + key.apiName() + "\":{\"value\":");
        }
        for (Unit unit : Unit.values()) {
            UNIT_STRINGS.put(unit.symbol(), ascii("\"" + unit.symbol() + "\""));
        }
    }

    /** A growable byte buffer, and a char buffer numbers are formatted into. */
    private static final class Scratch {
        byte[] bytes = new byte[SCRATCH_BYTES];
        int length;
        final StringBuilder number = new StringBuilder(64);
    }

    public byte[] write(EstimateResponse response) {
        Scratch out = SCRATCH.get();
        out.length = 0;
        raw(out, CONVENTION);
        ascii(out, response.convention().name());
        raw(out, FIGURES);
        Figures figures = response.figures();
        boolean first = true;
        first = figure(out, first, FigureKey.WRITES_PER_DAY, figures.writesPerDay());
        first = figure(out, first, FigureKey.READS_PER_DAY, figures.readsPerDay());
        first = figure(out, first, FigureKey.WRITE_QPS, figures.writeQps());
        first = figure(out, first, FigureKey.READ_QPS, figures.readQps());
        first = figure(out, first, FigureKey.PEAK_WRITE_QPS, figures.peakWriteQps());
        first = figure(out, first, FigureKey.PEAK_READ_QPS, figures.peakReadQps());
        first = figure(out, first, FigureKey.STORAGE_PER_DAY_BYTES, figures.storagePerDayBytes());
        first = figure(out, first, FigureKey.STORAGE_PER_YEAR_BYTES, figures.storagePerYearBytes());
        first = figure(out, first, FigureKey.STORAGE_TOTAL_BYTES, figures.storageTotalBytes());
        first = figure(out, first, FigureKey.INGRESS_BYTES_PER_SECOND, figures.ingressBytesPerSecond());
        first = figure(out, first, FigureKey.EGRESS_BYTES_PER_SECOND, figures.egressBytesPerSecond());
        first = figure(out, first, FigureKey.CACHE_BYTES, figures.cacheBytes());
        first = figure(out, first, FigureKey.SERVERS, figures.servers());
        figure(out, first, FigureKey.SHARDS, figures.shards());
        raw(out, ASSUMPTIONS);
        List<String> assumptions = response.assumptions();
        for (int i = 0; i < assumptions.size(); i++) {
            if (i > 0) {
                put(out, ',');
            }
            string(out, assumptions.get(i));
        }
        put(out, ']');
        put(out, '}');
        return Arrays.copyOf(out.bytes, out.length);
    }

    private static boolean figure(Scratch out, boolean first, FigureKey key, FigureView figure) {
        if (figure == null) {
            return first;
        }
        if (!first) {
            put(out, ',');
        }
        raw(out, FIGURE_OPENINGS[key.ordinal()]);
        out.number.setLength(0);
        NumberText.appendPlain(out.number, figure.value(), false);
        ascii(out, out.number);
        raw(out, UNIT);
        byte[] unit = UNIT_STRINGS.get(figure.unit());
        if (unit != null) {
            raw(out, unit);
        } else {
            string(out, figure.unit());
        }
        raw(out, DECIMAL);
        string(out, figure.decimal());
        raw(out, BINARY);
        string(out, figure.binary());
        raw(out, FORMULA);
        string(out, figure.formula());
        put(out, '}');
        return false;
    }

    /**
     * A JSON string: quotes, backslashes and control characters escaped, everything else UTF-8. The
     * JDK's encoder does the UTF-8 (a plain copy for ASCII text); eight bytes at a time are checked
     * for anything to escape, which generated text almost never has.
     */
    private static void string(Scratch out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        put(out, '"');
        if (!needsEscaping(utf8)) {
            raw(out, utf8);
        } else {
            int start = 0;
            for (int i = 0; i < utf8.length; i++) {
                byte b = utf8[i];
                if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                    raw(out, utf8, start, i - start);
                    escape(out, (char) b);
                    start = i + 1;
                }
            }
            raw(out, utf8, start, utf8.length - start);
        }
        put(out, '"');
    }

    /** Whether any byte is a control character, a quote or a backslash (SWAR: eight bytes per step). */
    static boolean needsEscaping(byte[] utf8) {
        int i = 0;
        for (; i + Long.BYTES <= utf8.length; i += Long.BYTES) {
            long word = (long) LONGS.get(utf8, i);
            if ((below(word, 0x20) | equal(word, '"') | equal(word, '\\')) != 0) {
                return true;
            }
        }
        for (; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                return true;
            }
        }
        return false;
    }

    /** Non-zero when some byte of the word is below {@code limit} (at most 128). */
    private static long below(long word, int limit) {
        return (word - ONES * limit) & ~word & HIGHS;
    }

    /** Non-zero when some byte of the word equals {@code value}. */
    private static long equal(long word, int value) {
        return below(word ^ (ONES * value), 1);
    }

    private static void escape(Scratch out, char c) {
        ensure(out, 6);
        switch (c) {
            case '"' -> raw(out, new byte[] {'\\', '"'});
            case '\\' -> raw(out, new byte[] {'\\', '\\'});
            case '\n' -> raw(out, new byte[] {'\\', 'n'});
            case '\r' -> raw(out, new byte[] {'\\', 'r'});
            case '\t' -> raw(out, new byte[] {'\\', 't'});
            default -> raw(out, new byte[] {'\\', 'u', '0', '0', HEX[c >> 4], HEX[c & 0xF]});
        }
    }

    private static void ascii(Scratch out, CharSequence text) {
        int length = text.length();
        ensure(out, length);
        for (int i = 0; i < length; i++) {
            out.bytes[out.length++] = (byte) text.charAt(i);
        }
    }

    private static void raw(Scratch out, byte[] bytes) {
        raw(out, bytes, 0, bytes.length);
    }

    private static void raw(Scratch out, byte[] bytes, int from, int count) {
        ensure(out, count);
        System.arraycopy(bytes, from, out.bytes, out.length, count);
        out.length += count;
    }

    private static void put(Scratch out, char c) {
        ensure(out, 1);
        out.bytes[out.length++] = (byte) c;
    }

    private static void ensure(Scratch out, int more) {
        if (out.length + more > out.bytes.length) {
            out.bytes = Arrays.copyOf(out.bytes, Math.max(out.bytes.length * 2, out.length + more));
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;

/** The base unit of a figure, and how its value is written for people in decimal and binary prefixes. */
public enum Unit {
    WRITES_PER_DAY("writes/day", false, " writes/day"),
    READS_PER_DAY("reads/day", false, " reads/day"),
    WRITES_PER_SECOND("writes/s", false, " writes/s"),
    READS_PER_SECOND("reads/s", false, " reads/s"),
    BYTES("bytes", true, ""),
    BYTES_PER_SECOND("bytes/s", true, "/s"),
    SERVERS("servers", false, " servers"),
    SHARDS("shards", false, " shards");

    private static final String[] DECIMAL_BYTES = {" B", " KB", " MB", " GB", " TB", " PB", " EB", " ZB", " YB", " RB", " QB"};
    private static final String[] BINARY_BYTES = {" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB", " ZiB", " YiB"};
    private static final String[] DECIMAL_COUNTS = {"", " thousand", " million", " billion", " trillion",
            " quadrillion", " quintillion", " sextillion", " septillion"};
    private static final String[] BINARY_COUNTS = {"", " Ki", " Mi", " Gi", " Ti", " Pi", " Ei", " Zi", " Yi"};

    private final String symbol;
    private final boolean bytes;
    private final String suffix;

    Unit(String symbol, boolean bytes, String suffix) {
        this.symbol = symbol;
        this.bytes = bytes;
        this.suffix = suffix;
    }

    /** The unit as the API names it: {@code bytes}, {@code writes/s}, ... */
    public String symbol() {
        return symbol;
    }

    /** Three significant digits with decimal prefixes: {@code 1.27 TB}, {@code 1.16 thousand writes/s}. */
    public String decimal(BigDecimal value) {
        return NumberText.human(value, false, bytes ? DECIMAL_BYTES : DECIMAL_COUNTS, suffix);
    }

    /** Three significant digits with binary prefixes: {@code 1.16 TiB}, {@code 1.13 Ki writes/s}. */
    public String binary(BigDecimal value) {
        return NumberText.human(value, true, bytes ? BINARY_BYTES : BINARY_COUNTS, suffix);
    }
}

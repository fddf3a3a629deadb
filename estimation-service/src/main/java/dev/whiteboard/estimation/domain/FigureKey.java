package dev.whiteboard.estimation.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The figures of an estimate, in the order they are worked out, with their API names. */
public enum FigureKey {
    WRITES_PER_DAY("writesPerDay", Unit.WRITES_PER_DAY),
    READS_PER_DAY("readsPerDay", Unit.READS_PER_DAY),
    WRITE_QPS("writeQps", Unit.WRITES_PER_SECOND),
    READ_QPS("readQps", Unit.READS_PER_SECOND),
    PEAK_WRITE_QPS("peakWriteQps", Unit.WRITES_PER_SECOND),
    PEAK_READ_QPS("peakReadQps", Unit.READS_PER_SECOND),
    STORAGE_PER_DAY_BYTES("storagePerDayBytes", Unit.BYTES),
    STORAGE_PER_YEAR_BYTES("storagePerYearBytes", Unit.BYTES),
    STORAGE_TOTAL_BYTES("storageTotalBytes", Unit.BYTES),
    INGRESS_BYTES_PER_SECOND("ingressBytesPerSecond", Unit.BYTES_PER_SECOND),
    EGRESS_BYTES_PER_SECOND("egressBytesPerSecond", Unit.BYTES_PER_SECOND),
    CACHE_BYTES("cacheBytes", Unit.BYTES),
    SERVERS("servers", Unit.SERVERS),
    SHARDS("shards", Unit.SHARDS);

    private static final Map<String, FigureKey> BY_NAME = new HashMap<>();

    static {
        for (FigureKey key : values()) {
            BY_NAME.put(key.apiName, key);
        }
    }

    private final String apiName;
    private final Unit unit;

    FigureKey(String apiName, Unit unit) {
        this.apiName = apiName;
        this.unit = unit;
    }

    public String apiName() {
        return apiName;
    }

    public Unit unit() {
        return unit;
    }

    public static Optional<FigureKey> fromApiName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}

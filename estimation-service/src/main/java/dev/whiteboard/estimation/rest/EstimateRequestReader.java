package dev.whiteboard.estimation.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.estimation.domain.FigureKey;
import dev.whiteboard.estimation.domain.Period;
import dev.whiteboard.estimation.domain.TimeConvention;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads estimate, grade and batch bodies straight from the JSON tokens, strictly: numbers must be
 * JSON numbers, enums one of their names, unknown and repeated fields are refused, and each failure
 * names its field. Reading by hand keeps reflection off the hot path and lets one batch item fail
 * alone.
 */
public final class EstimateRequestReader {
    public static final int MAX_BATCH_ITEMS = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> NUMBER_FIELDS = Set.of("dailyActiveUsers", "writesPerUserPerDay", "writes",
            "readsPerWrite", "writeSizeBytes", "readSizeBytes", "retentionYears", "replicationFactor", "peakFactor",
            "cacheFraction", "serverCapacityQps", "shardCapacityBytes");

    /** One item of a batch: the request, or why it could not be read. */
    public record BatchItem(EstimateRequest request, ProblemException problem) {
    }

    public EstimateRequest estimate(byte[] body) {
        return read(body, false).inputs();
    }

    public GradeRequest grade(byte[] body) {
        GradeRequest request = read(body, true);
        if (request.candidate() == null) {
            throw ProblemException.badRequest("candidate", "is required: the candidate's figures to grade");
        }
        return request;
    }

    public List<BatchItem> batch(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = next(parser, null);
            if (first != JsonToken.START_ARRAY) {
                throw body("the body must be a JSON array of estimate requests");
            }
            JsonStreamContext array = parser.getParsingContext();
            List<BatchItem> items = new ArrayList<>();
            JsonToken token;
            while ((token = next(parser, null)) != JsonToken.END_ARRAY) {
                if (items.size() == MAX_BATCH_ITEMS) {
                    throw ProblemException.payloadTooLarge("body", "a batch holds at most 1,000 items");
                }
                items.add(batchItem(parser, token, array));
            }
            ensureEnd(parser);
            if (items.isEmpty()) {
                throw body("the batch is empty: give at least one estimate request");
            }
            return items;
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private BatchItem batchItem(JsonParser parser, JsonToken token, JsonStreamContext array) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new BatchItem(null, body("expected a JSON object"));
        }
        try {
            return new BatchItem(object(parser, false).inputs(), null);
        } catch (ProblemException problem) {
            while (!(parser.currentToken() == JsonToken.END_OBJECT && parser.getParsingContext() == array)) {
                if (next(parser, null) == null) {
                    throw body("malformed JSON: the body ends inside an item");
                }
            }
            return new BatchItem(null, problem);
        }
    }

    private GradeRequest read(byte[] body, boolean grading) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = next(parser, null);
            if (first != JsonToken.START_OBJECT) {
                throw body("the body is missing or is not a JSON object");
            }
            GradeRequest request = object(parser, grading);
            ensureEnd(parser);
            return request;
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** Reads the fields of an object whose START_OBJECT was just read, up to its END_OBJECT. */
    private GradeRequest object(JsonParser parser, boolean grading) throws IOException {
        BigDecimal dailyActiveUsers = null;
        BigDecimal writesPerUserPerDay = null;
        BigDecimal writes = null;
        Period per = null;
        BigDecimal readsPerWrite = null;
        BigDecimal writeSizeBytes = null;
        BigDecimal readSizeBytes = null;
        BigDecimal retentionYears = null;
        BigDecimal replicationFactor = null;
        BigDecimal peakFactor = null;
        BigDecimal cacheFraction = null;
        TimeConvention timeConvention = null;
        BigDecimal serverCapacityQps = null;
        BigDecimal shardCapacityBytes = null;
        CandidateFigures candidate = null;
        JsonToken token;
        while ((token = next(parser, null)) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = next(parser, name);
            switch (name) {
                case "dailyActiveUsers" -> dailyActiveUsers = number(parser, value, name);
                case "writesPerUserPerDay" -> writesPerUserPerDay = number(parser, value, name);
                case "writes" -> writes = number(parser, value, name);
                case "per" -> per = enumeration(parser, value, name, Period.class);
                case "readsPerWrite" -> readsPerWrite = number(parser, value, name);
                case "writeSizeBytes" -> writeSizeBytes = number(parser, value, name);
                case "readSizeBytes" -> readSizeBytes = number(parser, value, name);
                case "retentionYears" -> retentionYears = number(parser, value, name);
                case "replicationFactor" -> replicationFactor = number(parser, value, name);
                case "peakFactor" -> peakFactor = number(parser, value, name);
                case "cacheFraction" -> cacheFraction = number(parser, value, name);
                case "timeConvention" -> timeConvention = enumeration(parser, value, name, TimeConvention.class);
                case "serverCapacityQps" -> serverCapacityQps = number(parser, value, name);
                case "shardCapacityBytes" -> shardCapacityBytes = number(parser, value, name);
                case "candidate" -> {
                    if (!grading) {
                        throw unknown(name);
                    }
                    candidate = candidate(parser, value);
                }
                default -> throw unknown(name);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw body("malformed JSON: expected a field name");
        }
        EstimateRequest inputs = new EstimateRequest(dailyActiveUsers, writesPerUserPerDay, writes, per,
                readsPerWrite, writeSizeBytes, readSizeBytes, retentionYears, replicationFactor, peakFactor,
                cacheFraction, timeConvention, serverCapacityQps, shardCapacityBytes);
        return new GradeRequest(inputs, candidate);
    }

    private CandidateFigures candidate(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_OBJECT) {
            throw ProblemException.badRequest("candidate", "expected an object of figures");
        }
        Map<FigureKey, BigDecimal> figures = new EnumMap<>(FigureKey.class);
        while (next(parser, "candidate") == JsonToken.FIELD_NAME) {
            String field = "candidate." + parser.currentName();
            FigureKey key = FigureKey.fromApiName(parser.currentName()).orElseThrow(() -> unknown(field));
            BigDecimal number = number(parser, next(parser, field), field);
            if (number != null) {
                figures.put(key, number);
            }
        }
        if (figures.isEmpty()) {
            throw ProblemException.badRequest("candidate", "give at least one figure to grade");
        }
        return CandidateFigures.of(figures);
    }

    private static BigDecimal number(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw ProblemException.badRequest(field, "expected a number");
        }
        try {
            return parser.getDecimalValue();
        } catch (JsonProcessingException | NumberFormatException e) {
            throw ProblemException.badRequest(field, "expected a number this service can read (at most 1,000 digits)");
        }
    }

    private static <E extends Enum<E>> E enumeration(JsonParser parser, JsonToken value, String field, Class<E> type)
            throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
        }
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(constant.name());
        }
        throw ProblemException.badRequest(field, "expected one of " + names);
    }

    /**
     * The next token; a syntax error in a field's value names that field. The parser reads a value
     * together with its field name, so a bad value can surface while the name is read.
     */
    private static JsonToken next(JsonParser parser, String field) throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (message.startsWith("Duplicate field")) {
                String name = parser.currentName();
                throw ProblemException.badRequest(name == null ? "body" : name, "is given more than once");
            }
            if (field == null && (message.startsWith("Non-standard token") || message.startsWith("Unrecognized token"))) {
                field = parser.currentName();
            }
            if (field != null) {
                throw ProblemException.badRequest(field, NUMBER_FIELDS.contains(field)
                        ? "expected a number (NaN, Infinity and other bare words are not JSON)"
                        : "malformed JSON" + at(e));
            }
            throw e;
        }
    }

    private static void ensureEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw body("malformed JSON: unexpected content after the end of the body");
        }
    }

    private static ProblemException malformed(IOException e) {
        String message = e instanceof JsonProcessingException json ? "malformed JSON" + at(json) : "malformed JSON";
        return ProblemException.badRequest("body", message);
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static ProblemException unknown(String field) {
        return ProblemException.badRequest(field, "unknown field");
    }

    private static ProblemException body(String message) {
        return ProblemException.badRequest("body", message);
    }
}

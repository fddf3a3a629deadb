package dev.whiteboard.e2e.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** One place where two JSON trees differ: a dotted path ({@code properties.state.enum}) and both values. */
record JsonDifference(String path, JsonNode committed, JsonNode served) {
    private static final int SHOWN_CHARS = 120;

    /**
     * Every differing place, depth first; objects compare key by key, arrays of equal length item by item,
     * numbers by value.
     */
    static List<JsonDifference> between(JsonNode committed, JsonNode served) {
        List<JsonDifference> differences = new ArrayList<>();
        collect("", committed, served, differences);
        return differences;
    }

    private static void collect(String path, JsonNode committed, JsonNode served, List<JsonDifference> into) {
        if (committed.equals(served) || sameNumber(committed, served)) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            committed.fieldNames().forEachRemaining(keys::add);
            served.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                collect(path.isEmpty() ? key : path + "." + key, committed.path(key), served.path(key), into);
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                collect(path + "[" + i + "]", committed.get(i), served.get(i), into);
            }
        } else {
            into.add(new JsonDifference(path, committed, served));
        }
    }

    /** 1E10, 10000000000 and 1.0E10 are one number, however a writer spelled it. */
    private static boolean sameNumber(JsonNode committed, JsonNode served) {
        return committed.isNumber() && served.isNumber()
                && committed.decimalValue().compareTo(served.decimalValue()) == 0;
    }

    /** {@code properties.state.type: committed "string", served "integer"}; absent values say so. */
    String describe() {
        return (path.isEmpty() ? "the root" : path) + ": committed " + shown(committed) + ", served " + shown(served);
    }

    private static String shown(JsonNode value) {
        if (value.isMissingNode()) {
            return "absent";
        }
        String text = value.toString();
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
    }
}

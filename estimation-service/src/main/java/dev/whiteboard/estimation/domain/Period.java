package dev.whiteboard.estimation.domain;

/** The span an absolute write count is given for. */
public enum Period {
    SECOND, DAY, MONTH, YEAR
}

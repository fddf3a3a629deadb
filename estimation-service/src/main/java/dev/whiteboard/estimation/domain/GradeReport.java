package dev.whiteboard.estimation.domain;

import java.util.List;

/** The grades of a candidate's figures, in the order of the figures, under the convention asked for. */
public record GradeReport(TimeConvention convention, List<Grade> grades) {
}

package dev.whiteboard.feedback.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.feedback.domain.EstimateOutcome;
import dev.whiteboard.feedback.repository.EstimateGrading;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Reads estimation-service's grading answers ({@code {convention, grades: [...]}}) into report form. */
@ApplicationScoped
public class EstimateOutcomes {
    static final String NOT_GRADED_YET = "not graded yet: estimation-service has not answered; it is asked again "
            + "and this report is updated when it does";

    private final ObjectMapper json;

    public EstimateOutcomes(ObjectMapper json) {
        this.json = json;
    }

    public EstimateOutcome outcomeOf(EstimateGrading g) {
        return switch (g.status) {
            case GRADED -> graded(g);
            case REJECTED -> new EstimateOutcome(g.noteId, g.phase, EstimateOutcome.Status.REJECTED, null, List.of(),
                    null, g.lastError);
            case UNGRADED -> new EstimateOutcome(g.noteId, g.phase, EstimateOutcome.Status.UNGRADED, null, List.of(),
                    null, g.lastError == null ? NOT_GRADED_YET : NOT_GRADED_YET + " (last error: " + g.lastError + ")");
        };
    }

    private EstimateOutcome graded(EstimateGrading g) {
        JsonNode root = parse(g.result);
        List<EstimateOutcome.FigureGrade> grades = gradesOf(root);
        return new EstimateOutcome(g.noteId, g.phase, EstimateOutcome.Status.GRADED, text(root.get("convention")),
                grades, EstimateOutcome.scoreOf(grades), null);
    }

    /** Checks that an answer has the documented shape; throws when it does not. */
    public List<EstimateOutcome.FigureGrade> validate(String answer) {
        JsonNode root = parse(answer);
        if (!root.path("grades").isArray()) {
            throw new IllegalArgumentException("the grading answer has no grades array");
        }
        return gradesOf(root);
    }

    private List<EstimateOutcome.FigureGrade> gradesOf(JsonNode root) {
        List<EstimateOutcome.FigureGrade> grades = new ArrayList<>();
        for (JsonNode grade : root.path("grades")) {
            grades.add(new EstimateOutcome.FigureGrade(text(grade.get("figure")), number(grade.get("computed")),
                    number(grade.get("candidate")), number(grade.get("ratio")), text(grade.get("verdict")),
                    text(grade.get("explanation"))));
        }
        return grades;
    }

    private JsonNode parse(String body) {
        try {
            JsonNode root = json.readTree(body == null ? "{}" : body);
            return root == null ? json.createObjectNode() : root;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the grading answer is not JSON", e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A number, or an object carrying it as {@code value}. */
    private static Double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isObject() && node.path("value").isNumber()) {
            return node.path("value").asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}

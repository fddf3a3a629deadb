package dev.whiteboard.estimation.service;

import dev.whiteboard.estimation.domain.Estimate;
import dev.whiteboard.estimation.domain.EstimateInputs;
import dev.whiteboard.estimation.domain.Estimator;
import dev.whiteboard.estimation.domain.FigureKey;
import dev.whiteboard.estimation.domain.GradeReport;
import dev.whiteboard.estimation.domain.Grader;
import dev.whiteboard.estimation.domain.Scenario;
import dev.whiteboard.estimation.domain.ScenarioCatalog;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The estimation use cases over the pure arithmetic: estimate, grade, and the worked scenarios.
 * Stateless; every method is plain computation and safe on the event loop.
 */
@Singleton
public class EstimationService {
    private final Estimator estimator = new Estimator();
    private final Grader grader = new Grader(estimator);
    private final ScenarioCatalog scenarios = new ScenarioCatalog(estimator);

    public Estimate estimate(EstimateInputs inputs) {
        return estimator.estimate(inputs);
    }

    public GradeReport grade(EstimateInputs inputs, Map<FigureKey, BigDecimal> candidate) {
        return grader.grade(inputs, candidate);
    }

    public List<Scenario> scenarios() {
        return scenarios.all();
    }

    public Optional<Scenario> scenario(String id) {
        return scenarios.find(id);
    }
}

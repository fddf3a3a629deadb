package dev.whiteboard.feedback.config;

import dev.whiteboard.feedback.domain.FeedbackReportBuilder;
import dev.whiteboard.feedback.domain.WebhookUrlPolicy;
import dev.whiteboard.feedback.scoring.CoverageScorer;
import dev.whiteboard.feedback.service.CoverageMemo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the framework-free scoring and policy classes injectable (singletons: they are final and stateless or thread-safe). */
@ApplicationScoped
public class ScoringProducer {

    @Produces
    @Singleton
    CoverageScorer coverageScorer() {
        return new CoverageScorer();
    }

    @Produces
    @Singleton
    FeedbackReportBuilder reportBuilder(CoverageMemo coverage) {
        return new FeedbackReportBuilder(coverage::score);
    }

    @Produces
    @Singleton
    WebhookUrlPolicy webhookUrlPolicy(FeedbackConfig config) {
        return new WebhookUrlPolicy(config.webhooks().allowPrivateAddresses());
    }
}

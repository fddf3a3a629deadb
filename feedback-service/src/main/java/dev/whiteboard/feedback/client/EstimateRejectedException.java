package dev.whiteboard.feedback.client;

/** estimation-service refused the estimate's inputs (a 4xx answer): retrying would not help. */
public class EstimateRejectedException extends RuntimeException {
    public EstimateRejectedException(String message) {
        super(message, null, false, false);
    }
}

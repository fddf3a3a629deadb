package dev.whiteboard.feedback.client;

/** session-service has no such template version; not a failure of session-service. */
public class TemplateNotFoundException extends RuntimeException {
    public TemplateNotFoundException(String message) {
        super(message, null, false, false);
    }
}

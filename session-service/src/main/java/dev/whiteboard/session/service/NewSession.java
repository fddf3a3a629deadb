package dev.whiteboard.session.service;

/** What starting a session needs; a null template id means the shared default, a null version the latest. */
public record NewSession(String question, String candidateRef, String templateId, Integer templateVersion) {
}

package dev.whiteboard.feedback.scoring;

/** One note of a candidate, with the phase it was written in. */
public record NoteText(String phase, String text) {
}

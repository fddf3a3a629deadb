package dev.whiteboard.feedback.messaging;

/** A message that can never be applied, with the reason that goes into the dead-letter header. */
public class PoisonEventException extends Exception {
    public PoisonEventException(String reason) {
        super(reason, null, false, false);
    }
}

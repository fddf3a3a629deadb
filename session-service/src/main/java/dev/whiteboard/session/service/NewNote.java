package dev.whiteboard.session.service;

import dev.whiteboard.session.domain.Estimate;

/** A note to append: the phase it belongs to, its text and an optional capacity estimate. */
public record NewNote(String phase, String text, Estimate estimate) {
}

package dev.whiteboard.feedback.domain;

import dev.whiteboard.feedback.scoring.CoverageReport;
import dev.whiteboard.feedback.scoring.NoteText;
import dev.whiteboard.feedback.scoring.TemplateSpec;

import java.util.List;

/** Decides which checklist items some notes cover, with the evidence (the scoring package does it). */
@FunctionalInterface
public interface CoverageScoring {
    CoverageReport score(TemplateSpec template, List<NoteText> notes);
}

package dev.whiteboard.feedback.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.whiteboard.feedback.domain.FeedbackReport;
import dev.whiteboard.feedback.scoring.CoverageReport;
import jakarta.enterprise.context.ApplicationScoped;

/** Reports as stored and sent: JSON with ISO timestamps. */
@ApplicationScoped
public class ReportCodec {
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final ObjectReader coverageReader;

    public ReportCodec(ObjectMapper json) {
        this.writer = json.writerFor(FeedbackReport.class);
        this.reader = json.readerFor(FeedbackReport.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.coverageReader = json.readerFor(CoverageReport.class).at("/coverage")
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String write(FeedbackReport report) {
        try {
            return writer.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report could not be written as JSON", e);
        }
    }

    public FeedbackReport read(String body) {
        try {
            return reader.readValue(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report is not valid JSON", e);
        }
    }

    /** The coverage of a stored report, without binding the rest of it; null when the report has none. */
    public CoverageReport readCoverage(String body) {
        try {
            return coverageReader.readValue(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report is not valid JSON", e);
        }
    }
}

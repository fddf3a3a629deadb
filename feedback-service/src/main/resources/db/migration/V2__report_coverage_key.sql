-- What a report's coverage was computed from (CoverageMemo.fingerprint: template version and notes). A report
-- recomputed later with the same notes (an estimate graded after the interview ended) reuses that coverage
-- instead of scoring the notes again. Null for reports written before this column and for reports without a
-- template; those are scored as before.
ALTER TABLE reports ADD COLUMN coverage_key text;

package org.chamberlink.evaluation;

/** A recognition was withdrawn with a reason: the points ledger reverses what it counted for it. */
public record RecognitionWithdrawn(Long recognitionId, Long orgId, EvaluationLevel level, String reason) {
}

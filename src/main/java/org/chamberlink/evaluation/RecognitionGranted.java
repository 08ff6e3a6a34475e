package org.chamberlink.evaluation;

import java.time.LocalDate;

/**
 * An organisation was recognised at a level (its evaluation passed there; the recognition starts its
 * public notice on {@code grantedOn}): the points ledger counts it for the organisation. Withdrawing
 * the recognition ({@link RecognitionWithdrawn}) takes that back.
 */
public record RecognitionGranted(Long recognitionId, Long evaluationId, Long schemeId, int year, Long orgId, String orgPath,
		EvaluationLevel level, int score, LocalDate grantedOn, LocalDate noticeUntil) {
}

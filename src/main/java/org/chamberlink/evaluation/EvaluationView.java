package org.chamberlink.evaluation;

import java.time.Instant;

/** An organisation's evaluation in a campaign, where it stands and at which level. */
public record EvaluationView(Long id, Long campaignId, Long orgId, String orgPath, String orgName, EvaluationLevel level,
		EvaluationStatus status, String selfSummary, String returnReason, Instant submittedAt, long version) {

	static final String COLUMNS = """
			select e.id, e.campaign_id, e.org_id, e.org_path, e.org_name, e.level, e.status, e.self_summary, e.return_reason,
			       e.submitted_at, e.version
			from evaluation e
			""";

	/** Waiting for the reviewers of its level. */
	public boolean underReview() {
		return status == EvaluationStatus.SUBMITTED || status == EvaluationStatus.RECOMMENDED;
	}

}

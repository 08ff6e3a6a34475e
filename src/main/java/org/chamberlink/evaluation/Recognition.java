package org.chamberlink.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recognition at one level: in public notice (公示) until {@code noticeUntil}; after it FINAL
 * once every objection is answered (OBJECTED while one is open); WITHDRAWN with a reason.
 */
public record Recognition(Long id, Long evaluationId, Long campaignId, Long schemeId, String schemeName, int year, Long orgId,
		String orgPath, String orgName, EvaluationLevel level, int score, LocalDate noticeFrom, LocalDate noticeUntil,
		Instant withdrawnAt, String withdrawnReason, long openObjections, long objections, String state) {

	/** Columns with the state as of {@code :today}. */
	static final String COLUMNS = """
			select r.id, r.evaluation_id, r.campaign_id, r.scheme_id, s.name as scheme_name, r.year, r.org_id, r.org_path,
			       e.org_name, r.level, r.score, r.notice_from, r.notice_until, r.withdrawn_at, r.withdrawn_reason,
			       (select count(*) from evaluation_objection o where o.recognition_id = r.id and o.answered_at is null) as open_objections,
			       (select count(*) from evaluation_objection o where o.recognition_id = r.id) as objections,
			       case when r.withdrawn_at is not null then 'WITHDRAWN'
			            when r.notice_until >= :today then 'NOTICE'
			            when exists (select 1 from evaluation_objection o where o.recognition_id = r.id and o.answered_at is null) then 'OBJECTED'
			            else 'FINAL' end as state
			from evaluation_recognition r
			join evaluation e on e.id = r.evaluation_id
			join evaluation_scheme s on s.id = r.scheme_id
			""";

	public boolean isFinal() {
		return "FINAL".equals(state);
	}

	public boolean inNotice() {
		return "NOTICE".equals(state);
	}

	public boolean withdrawn() {
		return "WITHDRAWN".equals(state);
	}

}

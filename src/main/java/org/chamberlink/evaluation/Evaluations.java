package org.chamberlink.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's evaluation as it stands, read within the caller's scope: the evaluation, its
 * scores, its evidence and the indicators measured for its criteria. The organisation's own steps
 * are {@link EvaluationSubmissions}, the reviewers' steps {@link EvaluationReviews}, a campaign's
 * progress board and pre-fill {@link EvaluationBoard}.
 */
@Service
public class Evaluations {

	/** The largest evidence file. */
	public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Campaigns campaigns;

	private final Schemes schemes;

	private final EvaluationIndicators indicators;

	private final Clock clock;

	Evaluations(JdbcClient jdbc, DataScopes scopes, Campaigns campaigns, Schemes schemes, EvaluationIndicators indicators,
			Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.campaigns = campaigns;
		this.schemes = schemes;
		this.indicators = indicators;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	@Transactional(readOnly = true)
	public EvaluationView get(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(EvaluationView.COLUMNS + " where e.id = :id and " + scope.on("e.org_path"))
			.params(scope.param())
			.param("id", id)
			.query(EvaluationView.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Evaluation", id));
	}

	/** The organisation's evaluation in the campaign, if it started one (in the caller's scope). */
	@Transactional(readOnly = true)
	public Optional<EvaluationView> find(Long campaignId, Long orgId) {
		DataScope scope = scopes.current();
		return jdbc.sql(EvaluationView.COLUMNS + " where e.campaign_id = :c and e.org_id = :o and " + scope.on("e.org_path"))
			.params(scope.param())
			.param("c", campaignId)
			.param("o", orgId)
			.query(EvaluationView.class)
			.optional();
	}

	@Transactional(readOnly = true)
	public List<Score> scores(Long id) {
		get(id);
		return jdbc.sql("select criterion_id, level, points, veto_failed, comment from evaluation_score where evaluation_id = :id")
			.param("id", id)
			.query(Score.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<Evidence> evidence(Long id) {
		get(id);
		return jdbc.sql("""
				select id, criterion_id, file_name, content_type, size_bytes, link, note, uploaded_at
				from evaluation_evidence where evaluation_id = :id order by id
				""").param("id", id).query(Evidence.class).list();
	}

	public record EvidenceFile(String fileName, String contentType, byte[] content) {
	}

	@Transactional(readOnly = true)
	public EvidenceFile evidenceFile(Long id, Long evidenceId) {
		get(id);
		return jdbc.sql("""
				select file_name, content_type, content from evaluation_evidence
				where id = :e and evaluation_id = :id and content is not null
				""")
			.param("e", evidenceId)
			.param("id", id)
			.query(EvidenceFile.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Evidence", evidenceId));
	}

	/** Total points at a level ({@code SELF} or a review level). */
	public static int total(List<Score> scores, String level) {
		return scores.stream().filter(s -> s.level().equals(level)).mapToInt(Score::points).sum();
	}

	/** The indicators of the evaluation's criteria, measured as of today. */
	@Transactional(readOnly = true)
	public Map<Indicator, IndicatorValue> indicators(Long id) {
		EvaluationView evaluation = get(id);
		Campaign campaign = campaigns.get(evaluation.campaignId());
		return indicators.measure(evaluation.orgId(), campaign.year(), today(), wanted(schemes.get(campaign.schemeId())));
	}

	/** The indicators a scheme's criteria ask the system to measure. */
	static Set<Indicator> wanted(Scheme scheme) {
		Set<Indicator> wanted = EnumSet.noneOf(Indicator.class);
		scheme.criteria().stream().map(Scheme.Criterion::indicator).filter(Objects::nonNull).forEach(wanted::add);
		return wanted;
	}

}

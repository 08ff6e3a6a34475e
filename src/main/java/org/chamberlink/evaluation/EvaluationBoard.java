package org.chamberlink.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign seen from above: the progress board of every organisation the scheme applies to
 * within the caller's reach, and the pre-fill of their measured indicators.
 */
@Service
public class EvaluationBoard {

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Campaigns campaigns;

	private final Schemes schemes;

	private final Evaluations evaluations;

	private final EvaluationIndicators indicators;

	EvaluationBoard(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Campaigns campaigns, Schemes schemes,
			Evaluations evaluations, EvaluationIndicators indicators) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.campaigns = campaigns;
		this.schemes = schemes;
		this.evaluations = evaluations;
		this.indicators = indicators;
	}

	/** A campaign's pre-fill: the measured indicators of every organisation on the caller's progress board. */
	public record Prefill(List<Indicator> indicators, List<PrefillRow> rows) {
	}

	/** One organisation of the pre-fill, with where its evaluation stands. */
	public record PrefillRow(BoardRow board, Map<Indicator, IndicatorValue> values) {
	}

	/**
	 * What a level sees before its organisations type anything: every indicator of the scheme for
	 * every organisation on its progress board (a city: all its chambers), as of today, read
	 * set-based ({@link EvaluationIndicators#measureAll}) — each value as the organisation's own
	 * evaluation page shows it.
	 */
	@Transactional(readOnly = true)
	public Prefill prefill(Long campaignId) {
		Campaign campaign = campaigns.get(campaignId);
		Set<Indicator> wanted = Evaluations.wanted(schemes.get(campaign.schemeId()));
		List<BoardRow> board = board(campaignId);
		Map<Long, Map<Indicator, IndicatorValue>> measured = indicators.measureAll(board.stream().map(BoardRow::orgId).toList(),
				campaign.year(), evaluations.today(), wanted);
		List<PrefillRow> rows = board.stream()
			.filter(row -> measured.containsKey(row.orgId()))
			.map(row -> new PrefillRow(row, measured.get(row.orgId())))
			.toList();
		return new Prefill(List.copyOf(wanted), rows);
	}

	/** A row of a campaign's progress board. */
	public record BoardRow(Long orgId, String orgName, Long evaluationId, EvaluationLevel level, EvaluationStatus status) {
	}

	/**
	 * The campaign's progress board for the caller: every organisation the scheme applies to within
	 * the campaign's subtree and the caller's scope, with where its evaluation stands.
	 */
	@Transactional(readOnly = true)
	public List<BoardRow> board(Long campaignId) {
		Campaign campaign = campaigns.get(campaignId);
		DataScope scope = scopes.current();
		Long within = scope.covers(campaign.orgPath()) ? campaign.orgId() : EvaluationActor.orgId();
		if (within == null) {
			return List.of();
		}
		List<OrganizationSummary> orgs = participants(campaign, within);
		Map<Long, EvaluationView> evaluations = new HashMap<>();
		jdbc.sql(EvaluationView.COLUMNS + " where e.campaign_id = :c and " + scope.on("e.org_path"))
			.params(scope.param())
			.param("c", campaignId)
			.query(EvaluationView.class)
			.list()
			.forEach(e -> evaluations.put(e.orgId(), e));
		List<BoardRow> rows = new ArrayList<>();
		for (OrganizationSummary org : orgs) {
			EvaluationView e = evaluations.get(org.id());
			rows.add(e == null ? new BoardRow(org.id(), org.name(), null, null, EvaluationStatus.NOT_STARTED)
					: new BoardRow(org.id(), org.name(), e.id(), e.level(), e.status()));
		}
		return rows;
	}

	private List<OrganizationSummary> participants(Campaign campaign, Long within) {
		if (campaign.forCountyFederations()) {
			return organizations.activeOfType(within, OrganizationType.FEDERATION, "COUNTY");
		}
		return organizations.activeOfType(within, OrganizationType.CHAMBER, null);
	}

}

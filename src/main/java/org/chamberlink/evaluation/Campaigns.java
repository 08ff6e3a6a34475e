package org.chamberlink.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns: opened by a federation for its own subtree, seen by the accounts at and above it (who
 * review) and by the organisations below it (who take part). Any other id answers as unknown.
 */
@Service
public class Campaigns {

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Schemes schemes;

	private final AuditTrail audit;

	private final Clock clock;

	Campaigns(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Schemes schemes, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.schemes = schemes;
		this.audit = audit;
		this.clock = clock;
	}

	/** The campaigns the caller reviews (opened in its subtree) or takes part in (opened above it), newest first. */
	@Transactional(readOnly = true)
	public List<Campaign> visible() {
		DataScope scope = scopes.current();
		return jdbc.sql(Campaign.COLUMNS + " where " + visibleTo(scope) + " order by c.year desc, c.id desc")
			.params(params(scope))
			.query(Campaign.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Campaign get(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(Campaign.COLUMNS + " where c.id = :id and " + visibleTo(scope))
			.params(params(scope))
			.param("id", id)
			.query(Campaign.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Campaign", id));
	}

	static String visibleTo(DataScope scope) {
		return "(" + scope.on("c.org_path") + " or (:root <> '' and starts_with(:root, c.org_path)))";
	}

	static Map<String, Object> params(DataScope scope) {
		Map<String, Object> params = new java.util.HashMap<>(scope.param());
		params.put("root", scope.root());
		return params;
	}

	/** Opens a campaign of the caller's own federation. */
	@Transactional
	@PreAuthorize(RoleGroups.FEDERATION)
	public Long open(CampaignForm form) {
		Long orgId = EvaluationActor.orgId();
		if (orgId == null) {
			throw new RuleViolationException("schemeId", "evaluation.campaign.noOrganization");
		}
		OrganizationSummary org = organizations.get(orgId);
		if (org.type() != OrganizationType.FEDERATION) {
			throw new RuleViolationException("schemeId", "evaluation.campaign.federationOnly");
		}
		if (form.schemeId() == null) {
			throw new RuleViolationException("schemeId", "evaluation.campaign.schemeRequired");
		}
		Scheme scheme;
		try {
			scheme = schemes.get(form.schemeId());
		}
		catch (RecordNotFoundException e) {
			throw new RuleViolationException("schemeId", "evaluation.campaign.schemeRequired");
		}
		if (form.year() == null || form.year() < 2000 || form.year() > 2100) {
			throw new RuleViolationException("year", "evaluation.campaign.yearInvalid");
		}
		String title = form.title() == null || form.title().isBlank() ? form.year() + "年度" + scheme.name() + "评选"
				: form.title().strip();
		if (title.length() > 200) {
			throw new RuleViolationException("title", "evaluation.campaign.titleTooLong");
		}
		if (form.noticeDays() == null || form.noticeDays() < 1 || form.noticeDays() > 60) {
			throw new RuleViolationException("noticeDays", "evaluation.campaign.noticeDaysInvalid");
		}
		if (form.submitBy() == null) {
			throw new RuleViolationException("submitBy", "evaluation.campaign.submitByRequired");
		}
		checkAfter(form.countyBy(), form.submitBy(), "countyBy");
		checkAfter(form.cityBy(), form.countyBy() != null ? form.countyBy() : form.submitBy(), "cityBy");
		checkAfter(form.provinceBy(), form.cityBy() != null ? form.cityBy() : form.submitBy(), "provinceBy");
		boolean taken = jdbc.sql("select count(*) from evaluation_campaign where scheme_id = :s and year = :y and org_id = :o")
			.param("s", scheme.id())
			.param("y", form.year())
			.param("o", org.id())
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw new RuleViolationException("schemeId", "evaluation.campaign.duplicate", scheme.name(), form.year());
		}
		Long id = jdbc.sql("""
				insert into evaluation_campaign (scheme_id, year, org_id, org_path, org_name, title, notice_days, submit_by, county_by,
				    city_by, province_by, created_by, created_at)
				values (:scheme, :year, :org, :path, :name, :title, :days, :submitBy, :countyBy, :cityBy, :provinceBy, :by, :now)
				returning id
				""")
			.param("scheme", scheme.id())
			.param("year", form.year())
			.param("org", org.id())
			.param("path", org.path())
			.param("name", org.name())
			.param("title", title)
			.param("days", form.noticeDays())
			.param("submitBy", form.submitBy())
			.param("countyBy", form.countyBy())
			.param("cityBy", form.cityBy())
			.param("provinceBy", form.provinceBy())
			.param("by", EvaluationActor.accountId())
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("EVALUATION_CAMPAIGN_OPENED").entity("EvaluationCampaign", id).org(org.id()).summary(title));
		return id;
	}

	private static void checkAfter(java.time.LocalDate date, java.time.LocalDate earlier, String field) {
		if (date != null && earlier != null && date.isBefore(earlier)) {
			throw new RuleViolationException(field, "evaluation.campaign.deadlineOrder");
		}
	}

}

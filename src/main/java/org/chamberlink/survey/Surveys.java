package org.chamberlink.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.LikePattern;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Surveys in the caller's scope (the organiser's path lies in it): building one as a draft,
 * publishing it (its questions fixed from then on), closing it early, and reading one or a list.
 * Another organisation's survey answers as one that does not exist.
 */
@Service
public class Surveys {

	/** The most questions a survey has, and options a question. */
	public static final int MOST_QUESTIONS = 30;

	public static final int MOST_OPTIONS = 20;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final AuditTrail audit;

	private final Clock clock;

	Surveys(JdbcClient jdbc, DataScopes scopes, Organizations organizations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<SurveyView> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(SurveyView.COLUMNS + " where s.id = :id and " + scope.on("s.org_path"))
			.param("id", id)
			.params(scope.param())
			.query(SurveyView.MAPPER)
			.optional()
			.map(this::complete);
	}

	public SurveyView get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Survey", id));
	}

	/** The surveys of the caller's scope, newest first (at most 200), optionally by a word of the title. */
	@Transactional(readOnly = true)
	public List<SurveyView> list(String keyword) {
		DataScope scope = scopes.current();
		Map<String, Object> params = new HashMap<>(scope.param());
		String where = scope.on("s.org_path");
		if (keyword != null && !keyword.isBlank()) {
			where += " and s.title like :keyword";
			params.put("keyword", LikePattern.containing(keyword.strip()));
		}
		List<SurveyView> rows = jdbc.sql(SurveyView.COLUMNS + " where " + where + " order by s.opens_at desc, s.id desc limit 200")
			.params(params)
			.query(SurveyView.MAPPER)
			.list();
		return named(rows);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long create(SurveyDraft draft) {
		if (draft.orgId() == null) {
			throw new RuleViolationException("orgId", "survey.orgRequired");
		}
		OrganizationSummary org = organizations.get(draft.orgId());
		if (!"ACTIVE".equals(org.status())) {
			throw new RecordNotFoundException("Organization", draft.orgId());
		}
		String title = required(draft.title(), 200, "title", "field.title");
		String description = draft.description() == null || draft.description().isBlank() ? null : draft.description().strip();
		if (description != null) {
			TextLimit.atMost("description", "field.description", description, 5_000);
		}
		Instant opens = moment(draft.opensAt(), "opensAt");
		Instant closes = moment(draft.closesAt(), "closesAt");
		if (!closes.isAfter(opens)) {
			throw new RuleViolationException("closesAt", "survey.closesBeforeOpens");
		}
		boolean chosen = draft.audience() == SurveyAudience.CHOSEN;
		if (chosen) {
			for (Long audienceOrg : draft.audienceOrgIds()) {
				if (!organizations.get(audienceOrg).path().startsWith(org.path())) {
					throw new RuleViolationException("audienceOrgIds", "survey.audienceOutsideOrganizer");
				}
			}
		}
		List<Question> questions = checked(draft.questions());
		Long id = jdbc.sql("""
				insert into survey (org_id, org_path, title, description, anonymous, opens_at, closes_at, audience, audience_roles,
				    audience_tiers, audience_org_ids, status, created_by, created_at, preset)
				values (:org, :path, :title, :description, :anonymous, :opens, :closes, :audience, :roles, :tiers, :orgIds, 'DRAFT',
				    :by, :now, :preset)
				returning id
				""")
			.param("org", org.id())
			.param("path", org.path())
			.param("title", title)
			.param("description", description)
			.param("anonymous", draft.anonymous())
			.param("opens", java.sql.Timestamp.from(opens))
			.param("closes", java.sql.Timestamp.from(closes))
			.param("audience", draft.audience().name())
			.param("roles", chosen ? draft.audienceRoles().stream().map(Enum::name).sorted().toArray(String[]::new) : new String[0])
			.param("tiers", chosen ? draft.audienceTiers().stream().map(Enum::name).sorted().toArray(String[]::new) : new String[0])
			.param("orgIds", chosen ? draft.audienceOrgIds().toArray(Long[]::new) : new Long[0])
			.param("by", actor())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("preset", Boolean.TRUE.equals(draft.satisfaction()) ? "SATISFACTION" : null)
			.query(Long.class)
			.single();
		for (int i = 0; i < questions.size(); i++) {
			Question q = questions.get(i);
			jdbc.sql("insert into survey_question (survey_id, position, kind, text, required, options)"
					+ " values (:survey, :position, :kind, :text, :required, :options)")
				.param("survey", id)
				.param("position", i + 1)
				.param("kind", q.kind().name())
				.param("text", q.text().strip())
				.param("required", q.required())
				.param("options", q.options().toArray(String[]::new))
				.update();
		}
		audit.record(AuditEntry.of("SURVEY_CREATED").entity("Survey", id).org(org.id()).summary(title));
		return id;
	}

	/** Opens the draft to its audience at its opening time; its questions are fixed from then on. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void publish(Long id) {
		SurveyView survey = get(id);
		if (!"DRAFT".equals(survey.status())) {
			throw new RuleViolationException("status", "survey.publishOnlyDraft");
		}
		if (!survey.closesAt().isAfter(clock.instant())) {
			throw new RuleViolationException("closesAt", "survey.publishPast");
		}
		jdbc.sql("update survey set status = 'PUBLISHED' where id = :id").param("id", id).update();
		audit.record(AuditEntry.of("SURVEY_PUBLISHED").entity("Survey", id).org(survey.orgId()).summary(survey.title()));
	}

	/** Closes an open survey now, before its closing time: answers are refused from here on. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void close(Long id) {
		SurveyView survey = get(id);
		Instant now = clock.instant();
		if (survey.phase(now) != SurveyPhase.OPEN) {
			throw new RuleViolationException("status", "survey.closeOnlyOpen");
		}
		jdbc.sql("update survey set closes_at = :now where id = :id")
			.param("now", java.sql.Timestamp.from(now))
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("SURVEY_CLOSED").entity("Survey", id).org(survey.orgId()).summary(survey.title()));
	}

	/** Seed 002's 公认度和满意度测评 of an organisation by its members, as a draft opening today. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long createSatisfactionSurvey(Long orgId) {
		OrganizationSummary org = organizations.get(orgId);
		LocalDateTime opens = LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).withSecond(0).withNano(0);
		return create(SurveyDraft.satisfactionPreset(org.id(), org.name(), opens));
	}

	List<QuestionView> questions(Long surveyId) {
		return jdbc.sql("select id, position, kind, text, required, options from survey_question where survey_id = :id order by position")
			.param("id", surveyId)
			.query((rs, n) -> new QuestionView(rs.getLong("id"), rs.getInt("position"), QuestionKind.valueOf(rs.getString("kind")),
					rs.getString("text"), rs.getBoolean("required"), SurveyView.strings(rs, "options")))
			.list();
	}

	SurveyView complete(SurveyView survey) {
		String name = organizations.namesUnscoped(List.of(survey.orgId())).get(survey.orgId());
		return survey.with(name, questions(survey.id()));
	}

	List<SurveyView> named(List<SurveyView> rows) {
		Map<Long, String> names = rows.isEmpty() ? Map.of()
				: organizations.namesUnscoped(rows.stream().map(SurveyView::orgId).distinct().toList());
		return rows.stream().map(s -> s.with(names.get(s.orgId()), List.of())).toList();
	}

	private static List<Question> checked(List<Question> questions) {
		if (questions.isEmpty()) {
			throw new RuleViolationException("questions", "survey.noQuestions");
		}
		if (questions.size() > MOST_QUESTIONS) {
			throw new RuleViolationException("questions", "survey.tooManyQuestions", MOST_QUESTIONS);
		}
		List<Question> checked = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			Question q = questions.get(i);
			int number = i + 1;
			if (q.kind() == null) {
				throw new RuleViolationException("questions", "survey.question.kindRequired", number);
			}
			if (q.text() == null || q.text().isBlank()) {
				throw new RuleViolationException("questions", "survey.question.textRequired", number);
			}
			if (q.text().strip().length() > 300) {
				throw new RuleViolationException("questions", "survey.question.textTooLong", number, 300);
			}
			if (q.kind().hasOptions()) {
				if (q.options().size() < 2) {
					throw new RuleViolationException("questions", "survey.question.optionsRequired", number);
				}
				if (q.options().size() > MOST_OPTIONS) {
					throw new RuleViolationException("questions", "survey.question.tooManyOptions", number, MOST_OPTIONS);
				}
				if (q.options().stream().anyMatch(o -> o.length() > 100)) {
					throw new RuleViolationException("questions", "survey.question.optionTooLong", number, 100);
				}
				if (q.options().stream().distinct().count() < q.options().size()) {
					throw new RuleViolationException("questions", "survey.question.optionTwice", number);
				}
				checked.add(q);
			}
			else {
				checked.add(new Question(q.kind(), q.text(), q.required(), List.of()));
			}
		}
		return checked;
	}

	private static String required(String value, int max, String field, String label) {
		if (value == null || value.isBlank()) {
			throw new RuleViolationException(field, "survey.fieldRequired", new DefaultMessageSourceResolvable(label));
		}
		TextLimit.atMost(field, label, value, max);
		return value.strip();
	}

	private static Instant moment(LocalDateTime value, String field) {
		if (value == null) {
			throw new RuleViolationException(field, "survey.fieldRequired", new DefaultMessageSourceResolvable("field." + field));
		}
		if (!ChinaTime.isPlannableYear(value.getYear())) {
			throw new RuleViolationException(field, "survey.timeImplausible", new DefaultMessageSourceResolvable("field." + field));
		}
		return value.atZone(ChinaTime.ZONE).toInstant();
	}

	static long actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal ? principal.id() : 0L;
	}

}

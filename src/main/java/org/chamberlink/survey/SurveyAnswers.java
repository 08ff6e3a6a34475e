package org.chamberlink.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member answering in the portal: the published surveys of their audience, and one answer per
 * respondent — refused, with nothing written, before the opening, after the closing, outside the
 * audience, twice, or with a required question left blank. Who answered goes to
 * {@code survey_respondent} (party and survey, nothing else); what was answered to
 * {@code survey_response} under a random id, without party, membership or time; only a named
 * survey's response has its author in {@code survey_response_author}. So no table joins an
 * anonymous answer to its respondent (decision 0040).
 */
@Service
public class SurveyAnswers {

	/** The longest free-text answer. */
	public static final int LONGEST_TEXT = 2000;

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final PartyEmails parties;

	private final Clock clock;

	SurveyAnswers(JdbcClient jdbc, Surveys surveys, PartyEmails parties, Clock clock) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.parties = parties;
		this.clock = clock;
	}

	/** A survey as the member sees it in the list: whether they answered it already. */
	public record OwnSurvey(SurveyView survey, boolean answered) {
	}

	/** The published surveys of the member's audience that have opened, the open ones first; closed ones for 30 days. */
	@Transactional(readOnly = true)
	public List<OwnSurvey> visibleTo(AccountPrincipal member) {
		Optional<Long> party = parties.partyOf(member);
		if (party.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		List<SurveyView> rows = jdbc.sql(SurveyView.COLUMNS + " where s.status = 'PUBLISHED' and s.opens_at <= :now"
				+ " and s.closes_at > :since and " + SurveyAudienceSql.PARTY_IN_AUDIENCE
				+ " order by (s.closes_at > :now) desc, s.closes_at, s.id limit 100")
			.param("now", java.sql.Timestamp.from(now))
			.param("since", java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(30))))
			.param("party", party.get())
			.param("today", today())
			.query(SurveyView.MAPPER)
			.list();
		Set<Long> answered = answered(party.get(), rows.stream().map(SurveyView::id).toList());
		return surveys.named(rows).stream().map(s -> new OwnSurvey(s, answered.contains(s.id()))).toList();
	}

	/** One published survey of the member's audience, or empty — also for a draft or one that does not exist. */
	@Transactional(readOnly = true)
	public Optional<OwnSurvey> find(AccountPrincipal member, Long id) {
		Optional<Long> party = parties.partyOf(member);
		if (party.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql(SurveyView.COLUMNS + " where s.id = :id and s.status = 'PUBLISHED' and " + SurveyAudienceSql.PARTY_IN_AUDIENCE)
			.param("id", id)
			.param("party", party.get())
			.param("today", today())
			.query(SurveyView.MAPPER)
			.optional()
			.map(s -> new OwnSurvey(surveys.complete(s), !answered(party.get(), List.of(id)).isEmpty()));
	}

	/**
	 * The member's answer: values by question field ({@code q<id>}); a single choice and a rating
	 * are one value, a multiple choice several (option positions), a text one text. Refused with a
	 * message on the question or the survey, nothing written.
	 */
	@Transactional
	public void answer(AccountPrincipal member, Long surveyId, Map<String, List<String>> values) {
		SurveyView survey = jdbc.sql(SurveyView.COLUMNS + " where s.id = :id and s.status = 'PUBLISHED'")
			.param("id", surveyId)
			.query(SurveyView.MAPPER)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Survey", surveyId));
		Long party = parties.partyOf(member).orElseThrow(() -> new RuleViolationException("survey", "survey.outsideAudience"));
		answer(survey, party, values);
	}

	/**
	 * A paper questionnaire entered by staff for the member (party) who filled it in: the same checks
	 * and the same separation of who answered from what was answered. The survey must be in the
	 * caller's scope.
	 */
	@Transactional
	@org.springframework.security.access.prepost.PreAuthorize(org.chamberlink.identity.RoleGroups.WORKERS)
	public void enterPaper(Long surveyId, Long partyId, Map<String, List<String>> values) {
		SurveyView survey = surveys.get(surveyId);
		if (!"PUBLISHED".equals(survey.status())) {
			throw new RuleViolationException("survey", "survey.notOpenYet");
		}
		answer(survey, partyId, values);
	}

	private void answer(SurveyView survey, Long party, Map<String, List<String>> values) {
		Long surveyId = survey.id();
		Instant now = clock.instant();
		SurveyPhase phase = survey.phase(now);
		if (phase == SurveyPhase.SCHEDULED) {
			throw new RuleViolationException("survey", "survey.notOpenYet");
		}
		if (phase == SurveyPhase.CLOSED) {
			throw new RuleViolationException("survey", "survey.closed");
		}
		// the organisation through which the member belongs to the audience (the first membership of several)
		Optional<Belonging> membership = jdbc.sql("select m.membership_id, m.org_id, m.org_path from published_membership m, survey s"
				+ " where s.id = :id and m.party_id = :party and " + SurveyAudienceSql.MEMBER_OF_AUDIENCE
				+ " order by m.membership_id limit 1")
			.param("id", surveyId)
			.param("party", party)
			.param("today", today())
			.query((rs, n) -> new Belonging(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.optional();
		if (membership.isEmpty()) {
			throw new RuleViolationException("survey", "survey.outsideAudience");
		}
		if (!answered(party, List.of(surveyId)).isEmpty()) {
			throw new RuleViolationException("survey", "survey.answeredAlready");
		}
		List<QuestionView> questions = surveys.questions(surveyId);
		List<Answer> answers = checked(questions, values);
		int claimed = jdbc.sql("insert into survey_respondent (survey_id, party_id) values (:survey, :party) on conflict do nothing")
			.param("survey", surveyId)
			.param("party", party)
			.update();
		if (claimed == 0) {
			// the same member's second window, at the same moment
			throw new RuleViolationException("survey", "survey.answeredAlready");
		}
		UUID response = UUID.randomUUID();
		jdbc.sql("insert into survey_response (id, survey_id, org_id) values (:id, :survey, :org)")
			.param("id", response)
			.param("survey", surveyId)
			.param("org", membership.get().orgId())
			.update();
		if (!survey.anonymous()) {
			jdbc.sql("insert into survey_response_author (response_id, survey_id, party_id, membership_id, submitted_at)"
					+ " values (:id, :survey, :party, :membership, :at)")
				.param("id", response)
				.param("survey", surveyId)
				.param("party", party)
				.param("membership", membership.get().membershipId())
				.param("at", java.sql.Timestamp.from(now))
				.update();
		}
		for (Answer a : answers) {
			jdbc.sql("insert into survey_answer (response_id, question_id, survey_id, org_id, choices, rating, text)"
					+ " values (:response, :question, :survey, :org, :choices, :rating, :text)")
				.param("response", response)
				.param("question", a.questionId())
				.param("survey", surveyId)
				.param("org", membership.get().orgId())
				.param("choices", a.choices())
				.param("rating", a.rating())
				.param("text", a.text())
				.update();
		}
		tally(response, surveyId, membership.get());
	}

	/** The membership through which a respondent belongs to the audience, and its organisation. */
	private record Belonging(long membershipId, long orgId, String orgPath) {
	}

	/**
	 * Adds the response and its answers to the survey's tallies in the answering transaction: one
	 * grouped upsert each, rows in key order (two answers of the same organisation wait for each other
	 * rather than deadlock). Only counts are written — nothing that names the response or the person.
	 */
	private void tally(UUID response, Long surveyId, Belonging belonging) {
		jdbc.sql("""
				insert into survey_response_tally (survey_id, org_id, org_path, responses) values (:survey, :org, :path, 1)
				on conflict (survey_id, org_id) do update set responses = survey_response_tally.responses + 1
				""")
			.param("survey", surveyId)
			.param("org", belonging.orgId())
			.param("path", belonging.orgPath())
			.update();
		jdbc.sql("""
				insert into survey_tally (survey_id, question_id, org_id, org_path, value, answers)
				select a.survey_id, a.question_id, a.org_id, :path, v.value, count(*)
				from survey_answer a
				cross join lateral (select -1 as value
				                    union all select c from unnest(a.choices) c
				                    union all select a.rating where a.rating is not null) v
				where a.response_id = :response
				group by a.survey_id, a.question_id, a.org_id, v.value
				order by a.question_id, v.value
				on conflict (survey_id, question_id, org_id, value) do update set answers = survey_tally.answers + excluded.answers
				""")
			.param("response", response)
			.param("path", belonging.orgPath())
			.update();
	}

	private record Answer(Long questionId, Integer[] choices, Integer rating, String text) {
	}

	/** Every value checked against its question; a required question left blank is refused on its field. */
	static List<Answer> checked(List<QuestionView> questions, Map<String, List<String>> values) {
		List<Answer> answers = new ArrayList<>();
		for (QuestionView q : questions) {
			List<String> given = values.getOrDefault(q.field(), List.of()).stream()
				.filter(v -> v != null && !v.isBlank())
				.map(String::strip)
				.toList();
			if (given.isEmpty()) {
				if (q.required()) {
					throw new RuleViolationException(q.field(), "survey.answerRequired", q.position());
				}
				continue;
			}
			switch (q.kind()) {
				case SINGLE, MULTIPLE -> {
					if (q.kind() == QuestionKind.SINGLE && given.size() > 1) {
						throw new RuleViolationException(q.field(), "survey.oneChoiceOnly", q.position());
					}
					List<Integer> chosen = new ArrayList<>();
					for (String v : given) {
						Integer option = number(v);
						if (option == null || option < 0 || option >= q.options().size()) {
							throw new RuleViolationException(q.field(), "survey.choiceUnknown", q.position());
						}
						if (!chosen.contains(option)) {
							chosen.add(option);
						}
					}
					answers.add(new Answer(q.id(), chosen.stream().sorted().toArray(Integer[]::new), null, null));
				}
				case RATING -> {
					Integer rating = given.size() == 1 ? number(given.get(0)) : null;
					if (rating == null || rating < 1 || rating > 5) {
						throw new RuleViolationException(q.field(), "survey.ratingInvalid", q.position());
					}
					answers.add(new Answer(q.id(), null, rating, null));
				}
				case TEXT -> {
					String text = String.join("\n", given);
					if (text.length() > LONGEST_TEXT) {
						throw new RuleViolationException(q.field(), "survey.textTooLong", q.position(), LONGEST_TEXT);
					}
					answers.add(new Answer(q.id(), null, null, text));
				}
			}
		}
		return answers;
	}

	private static Integer number(String value) {
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private Set<Long> answered(Long party, List<Long> surveyIds) {
		if (surveyIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("select survey_id from survey_respondent where party_id = :party and survey_id = any(:ids)")
			.param("party", party)
			.param("ids", surveyIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}

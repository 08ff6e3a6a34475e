package org.chamberlink.survey.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;
import org.chamberlink.survey.Question;
import org.chamberlink.survey.QuestionKind;
import org.chamberlink.survey.SurveyAudience;
import org.chamberlink.survey.SurveyDraft;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The builder's form: the survey and its question rows side by side (a row's kind, text, options
 * one per line, and whether it must be answered); a row left blank is no question. No script
 * needed: the page offers {@link #ROWS} rows.
 */
public record SurveyForm(Long orgId, String title, String description, boolean anonymous,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime opensAt,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime closesAt, SurveyAudience audience,
		Set<MemberRole> audienceRoles, Set<Tier> audienceTiers, List<Long> audienceOrgIds, List<QuestionKind> questionKinds,
		List<String> questionTexts, List<String> questionOptions, List<Boolean> questionRequired) {

	/** The question rows the builder shows. */
	public static final int ROWS = 12;

	public SurveyForm {
		audience = audience == null ? SurveyAudience.SUBTREE : audience;
		audienceRoles = audienceRoles == null ? Set.of() : Set.copyOf(audienceRoles);
		audienceTiers = audienceTiers == null ? Set.of() : Set.copyOf(audienceTiers);
		audienceOrgIds = audienceOrgIds == null ? List.of() : audienceOrgIds.stream().filter(java.util.Objects::nonNull).toList();
		questionKinds = padded(questionKinds, QuestionKind.RATING);
		questionTexts = padded(questionTexts, "");
		questionOptions = padded(questionOptions, "");
		questionRequired = padded(questionRequired, Boolean.TRUE);
	}

	static SurveyForm blank(Long orgId, LocalDateTime opensAt) {
		return new SurveyForm(orgId, "", null, true, opensAt, opensAt.plusDays(14), SurveyAudience.SUBTREE, Set.of(), Set.of(),
				List.of(), null, null, null, null);
	}

	/** The row numbers 0 … ROWS − 1, for the page. */
	public List<Integer> rows() {
		return java.util.stream.IntStream.range(0, ROWS).boxed().toList();
	}

	SurveyDraft draft() {
		List<Question> questions = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			String text = questionTexts.get(i);
			String options = questionOptions.get(i);
			if ((text == null || text.isBlank()) && (options == null || options.isBlank())) {
				continue;
			}
			questions.add(new Question(questionKinds.get(i), text, Boolean.TRUE.equals(questionRequired.get(i)),
					options == null ? List.of() : Arrays.asList(options.split("\\R"))));
		}
		return new SurveyDraft(orgId, title, description, anonymous, opensAt, closesAt, audience, audienceRoles, audienceTiers,
				audienceOrgIds, questions);
	}

	private static <T> List<T> padded(List<T> values, T blank) {
		List<T> rows = new ArrayList<>(values == null ? List.of() : values);
		while (rows.size() < ROWS) {
			rows.add(blank);
		}
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i) == null) {
				rows.set(i, blank);
			}
		}
		return rows.subList(0, ROWS);
	}

}

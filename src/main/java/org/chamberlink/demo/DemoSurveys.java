package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.survey.QuestionView;
import org.chamberlink.survey.SurveyAnswers;
import org.chamberlink.survey.SurveyDraft;
import org.chamberlink.survey.SurveyView;
import org.chamberlink.survey.Surveys;

import org.springframework.stereotype.Component;

/**
 * Surveys for the demo: the first chamber's 公认度和满意度测评 (seed 002) open, with its members'
 * paper questionnaires entered — enough answers that the chamber's breakdown cell shows — and the
 * county's own draft, so the list, the answer page and the results have something real.
 */
@Component
class DemoSurveys {

	private static final int[] RATINGS = { 5, 4, 5, 3, 4, 5, 4, 2, 5 };

	private final Surveys surveys;

	private final SurveyAnswers answers;

	private final Clock clock;

	DemoSurveys(Surveys surveys, SurveyAnswers answers, Clock clock) {
		this.surveys = surveys;
		this.answers = answers;
		this.clock = clock;
	}

	void fill(OrganizationSummary county, OrganizationSummary chamber, List<Long> parties) {
		LocalDateTime now = LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).withSecond(0).withNano(0);
		Long survey = surveys.create(SurveyDraft.satisfactionPreset(chamber.id(), chamber.name(), now.minusDays(2)));
		surveys.publish(survey);
		SurveyView view = surveys.get(survey);
		List<QuestionView> q = view.questions();
		for (int i = 0; i < parties.size() && i < RATINGS.length; i++) {
			int rating = RATINGS[i];
			// every demo member of the chamber is current: in the audience (a refusal would roll the whole demo back)
			answers.enterPaper(survey, parties.get(i), Map.of(q.get(0).field(), List.of(String.valueOf(rating)), q.get(1).field(),
					List.of(String.valueOf(Math.max(1, rating - 1))), q.get(2).field(), List.of(String.valueOf(rating)),
					q.get(3).field(), List.of(rating >= 4 ? "0" : "1"), q.get(4).field(), List.of(String.valueOf(i % 5)),
					q.get(5).field(), List.of(i % 3 == 0 ? "希望多组织融资对接和政策解读活动" : "")));
		}
		surveys.create(SurveyDraft.satisfactionPreset(county.id(), county.name(), now.plusDays(7)));
	}

}

package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.evaluation.CampaignForm;
import org.chamberlink.evaluation.Campaigns;
import org.chamberlink.evaluation.EvaluationReviews;
import org.chamberlink.evaluation.EvaluationSubmissions;
import org.chamberlink.evaluation.EvidenceKind;
import org.chamberlink.evaluation.Scheme;
import org.chamberlink.evaluation.Schemes;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.shared.ChinaTime;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo's evaluations: the first county opens this year's 四好商会 campaign; its first chamber
 * (whose secretary-general has a demo account) scores itself, adds evidence and submits; the county
 * scores it, passes it — a county recognition in public notice — and recommends it to the city, whose
 * administrator finds it waiting on the campaign's board.
 */
@Component
class DemoEvaluations {

	private final Schemes schemes;

	private final Campaigns campaigns;

	private final EvaluationSubmissions submissions;

	private final EvaluationReviews reviews;

	private final AccountManagement accounts;

	private final Clock clock;

	DemoEvaluations(Schemes schemes, Campaigns campaigns, EvaluationSubmissions submissions, EvaluationReviews reviews,
			AccountManagement accounts, Clock clock) {
		this.schemes = schemes;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.reviews = reviews;
		this.accounts = accounts;
		this.clock = clock;
	}

	void fill(OrganizationSummary county, String countyLogin, String chamberLogin) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Scheme scheme = schemes.get(schemes.list().stream().filter(s -> s.code().equals("SIHAO")).findFirst().orElseThrow().id());
		Long[] campaign = new Long[1];
		as(countyLogin, () -> campaign[0] = campaigns.open(new CampaignForm(scheme.id(), today.getYear(),
				today.getYear() + "年度" + county.name().replace("工商联", "") + "“四好”商会评选", 7, today.plusDays(30),
				today.plusDays(45), today.plusDays(60), null)));
		Long[] evaluation = new Long[1];
		as(chamberLogin, () -> {
			evaluation[0] = submissions.start(campaign[0]);
			submissions.summarise(evaluation[0], "本年度坚持党建引领，组织会员学习培训，走访会员企业，调解会员纠纷，会费按时收缴。");
			for (Scheme.Criterion criterion : scheme.criteria()) {
				if (!criterion.veto()) {
					submissions.selfScore(evaluation[0], criterion.id(), criterion.maxPoints() * 9 / 10, null);
				}
				if (criterion.evidence() == EvidenceKind.ATTACHMENT) {
					submissions.addEvidence(evaluation[0], criterion.id(), "理想信念教育活动方案.txt", "text/plain",
							"理想信念教育活动方案：每季度组织一次学习，邀请党校老师授课。".getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
							"活动方案与签到表");
				}
			}
			submissions.submit(evaluation[0]);
		});
		as(countyLogin, () -> {
			for (Scheme.Criterion criterion : scheme.criteria()) {
				reviews.score(evaluation[0], criterion.id(), criterion.maxPoints() * 17 / 20, false,
						criterion.indicator() == null ? "材料齐全" : "系统数据核实");
			}
			reviews.pass(evaluation[0]);
			reviews.recommend(evaluation[0]);
		});
	}

	private void as(String username, Runnable step) {
		SecurityContext previous = SecurityContextHolder.getContext();
		AccountPrincipal account = accounts.findByUsername(username).orElseThrow();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			step.run();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}

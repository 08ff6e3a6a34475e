package org.chamberlink.survey;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;

/**
 * A survey as staff build it. Times are China time as typed.
 *
 * @param anonymous answers are kept without the respondent (who answered is kept apart, only to refuse a second answer)
 * @param audienceRoles with {@link SurveyAudience#CHOSEN}: only members holding one of these roles (none: any)
 * @param audienceTiers with {@link SurveyAudience#CHOSEN}: only members of these tiers (none: any)
 * @param audienceOrgIds with {@link SurveyAudience#CHOSEN}: only members of these organisations' subtrees (none: the whole subtree)
 * @param satisfaction made from {@link #satisfactionPreset}: its ratings feed the satisfaction figure
 *     ({@code survey.satisfactionRate}) that evaluation criteria can be pre-filled from
 */
public record SurveyDraft(Long orgId, String title, String description, boolean anonymous, LocalDateTime opensAt,
		LocalDateTime closesAt, SurveyAudience audience, Set<MemberRole> audienceRoles, Set<Tier> audienceTiers,
		List<Long> audienceOrgIds, List<Question> questions, Boolean satisfaction) {

	/** A survey staff build themselves (not the satisfaction preset). */
	public SurveyDraft(Long orgId, String title, String description, boolean anonymous, LocalDateTime opensAt,
			LocalDateTime closesAt, SurveyAudience audience, Set<MemberRole> audienceRoles, Set<Tier> audienceTiers,
			List<Long> audienceOrgIds, List<Question> questions) {
		this(orgId, title, description, anonymous, opensAt, closesAt, audience, audienceRoles, audienceTiers, audienceOrgIds,
				questions, false);
	}

	public SurveyDraft {
		audience = audience == null ? SurveyAudience.SUBTREE : audience;
		audienceRoles = audienceRoles == null ? Set.of() : Set.copyOf(audienceRoles);
		audienceTiers = audienceTiers == null ? Set.of() : Set.copyOf(audienceTiers);
		audienceOrgIds = audienceOrgIds == null ? List.of()
				: audienceOrgIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
		questions = questions == null ? List.of() : questions.stream().filter(java.util.Objects::nonNull).toList();
		satisfaction = Boolean.TRUE.equals(satisfaction);
	}

	/** The same survey as one built by its sender (the API's: only {@link #satisfactionPreset} makes a satisfaction survey). */
	public SurveyDraft builtBySender() {
		return new SurveyDraft(orgId, title, description, anonymous, opensAt, closesAt, audience, audienceRoles, audienceTiers,
				audienceOrgIds, questions, false);
	}

	/**
	 * Seed 002's 公认度和满意度测评: the members of a grassroots association rate its work,
	 * anonymously, for two weeks from {@code opensAt}.
	 */
	public static SurveyDraft satisfactionPreset(Long orgId, String orgName, LocalDateTime opensAt) {
		return new SurveyDraft(orgId, orgName + "公认度和满意度测评",
				"请会员对本会组织建设、服务会员和发挥作用的情况进行评价。本测评匿名进行，结果只按单位汇总，少于 5 份的单位不单独显示。",
				true, opensAt, opensAt.plusDays(14), SurveyAudience.SUBTREE, Set.of(), Set.of(), List.of(),
				List.of(new Question(QuestionKind.RATING, "您对本会工作的总体满意程度", true, List.of()),
						new Question(QuestionKind.RATING, "本会服务会员工作（维权、培训、信息、融资对接等）", true, List.of()),
						new Question(QuestionKind.RATING, "本会自身组织建设（班子、制度、活动开展）", true, List.of()),
						new Question(QuestionKind.SINGLE, "您是否认可本会在当地发挥的作用", true, List.of("认可", "基本认可", "不认可")),
						new Question(QuestionKind.MULTIPLE, "您最希望本会加强哪些服务", false,
								List.of("政策宣传解读", "法律维权", "融资对接", "人才培训", "市场拓展")),
						new Question(QuestionKind.TEXT, "意见和建议", false, List.of())),
				true);
	}

}

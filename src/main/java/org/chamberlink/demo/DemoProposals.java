package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.proposal.HolderRole;
import org.chamberlink.proposal.ProposalTopic;
import org.chamberlink.proposal.Proposals;
import org.chamberlink.proposal.Suggestions;
import org.chamberlink.shared.ChinaTime;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Proposals for the demo: the first chamber's member with a portal sign-in and the chamber itself
 * submit suggestions; the county merges two into a proposal handed to a CPPCC member of the
 * registry (区政协委员), answered by a department and adopted — so the member's portal shows
 * "已采纳" — and one suggestion waits for the next proposal.
 */
@Component
class DemoProposals {

	private final Suggestions suggestions;

	private final Proposals proposals;

	private final Clock clock;

	DemoProposals(Suggestions suggestions, Proposals proposals, Clock clock) {
		this.suggestions = suggestions;
		this.proposals = proposals;
		this.clock = clock;
	}

	void fill(OrganizationSummary county, OrganizationSummary chamber, List<Long> parties) {
		AccountPrincipal me = (AccountPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Long fromMember = suggestions.submitOnBehalf(parties.get(0), new Suggestions.SuggestionForm(chamber.id(),
				ProposalTopic.FINANCING, "小微企业续贷须先还后贷，周转资金压力大。", "推行无还本续贷，设立政府转贷应急资金。"), me);
		Long fromChamber = suggestions.submit(new Suggestions.SuggestionForm(chamber.id(), ProposalTopic.FINANCING,
				"担保费率偏高，企业融资成本高。", "政府性融资担保机构降低担保费率至 1% 以下。"), me);
		suggestions.submit(new Suggestions.SuggestionForm(chamber.id(), ProposalTopic.BUSINESS_ENVIRONMENT,
				"涉企检查多头重复。", "推行“综合查一次”，检查结果互认。"), me);
		List<PartyDetails> holders = proposals.holders(HolderRole.CPPCC);
		if (holders.isEmpty()) {
			return;
		}
		Long proposal = proposals.merge(new Proposals.ProposalForm(county.id(), "关于缓解小微企业融资难融资贵的提案", ProposalTopic.FINANCING,
				HolderRole.CPPCC, holders.get(0).id(), List.of(fromMember, fromChamber), null), me);
		proposals.answer(proposal, new Proposals.AnswerForm("区地方金融监管局", "已推动辖内银行开展无还本续贷，设立转贷应急资金 2,000 万元。",
				today), null, me);
		proposals.adopt(proposal, today, "纳入区政府年度重点工作", me);
	}

}

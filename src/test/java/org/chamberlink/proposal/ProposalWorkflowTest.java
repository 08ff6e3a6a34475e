package org.chamberlink.proposal;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.proposal.Proposals.AnswerFile;
import org.chamberlink.proposal.Proposals.AnswerForm;
import org.chamberlink.proposal.Proposals.ProposalForm;
import org.chamberlink.proposal.Suggestions.Suggestion;
import org.chamberlink.proposal.Suggestions.SuggestionForm;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proposals end to end against PostgreSQL: a member's suggestion from the portal and a chamber's,
 * merged by the county federation into a proposal handed to a CPPCC member of the registry (a
 * person without that public role refused), answered with a document, adopted — each step dated
 * and audited — the member seeing "adopted", the figures by topic and outcome, and the neighbour
 * and chamber staff kept out of what is not theirs.
 */
@IntegrationTest
@Tag("database")
class ProposalWorkflowTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Suggestions suggestions;

	@Autowired
	Proposals proposals;

	@Autowired
	ProposalFigures figures;

	TestTree tree;

	long submitter;

	long cppcc;

	AccountPrincipal member;

	@BeforeEach
	void aCountyWithAMemberAndACppccMember() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("提案");
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		submitter = MemberFixture.person(port, token, tree.chamber(), "建言人" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		cppcc = holder(port, token, tree.chamber(), "委员" + tree.tag(), "区人大代表、市政协委员");
		member = CaseFixture.memberAccount(accountManagement, jdbc, submitter);
	}

	/** A person member holding public roles (政治安排). */
	static long holder(int port, String token, long orgId, String name, String roles) {
		return MemberFixture.created(Api.post(port, "/api/v1/members", token, "{\"kind\":\"PERSON\",\"orgId\":" + orgId
				+ ",\"name\":\"" + name + "\",\"gender\":\"FEMALE\",\"idNumber\":\"" + MemberFixture.identityNumber() + "\",\"phone\":\""
				+ MemberFixture.phone() + "\",\"partyMember\":false,\"publicRoles\":\"" + roles
				+ "\",\"role\":\"MEMBER\",\"joinedOn\":\"2023-06-15\"}"));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aMembersSuggestionBecomesAProposalToACppccMemberThatIsAdopted() {
		signIn(member);
		assertRefused(() -> suggestions.submitAsMember(new SuggestionForm(tree.chamber(), ProposalTopic.FINANCING, " ", "x"), member),
				"problem", "proposal.required");
		assertRefused(() -> suggestions.submitAsMember(new SuggestionForm(tree.neighbour(), ProposalTopic.FINANCING, "p", "s"), member),
				"orgId", "proposal.organization.notFound");
		Long fromMember = suggestions.submitAsMember(new SuggestionForm(null, ProposalTopic.FINANCING, "小微企业贷款难", "设立转贷基金"),
				member);

		signIn(tree.account(tree.chamber(), Role.STAFF));
		Long fromChamber = suggestions.submit(new SuggestionForm(tree.chamber(), ProposalTopic.FINANCING, "担保费高", "降低担保费率"),
				tree.account(tree.chamber(), Role.STAFF));
		assertThat(suggestions.list(null, null, true)).extracting(Suggestion::id).contains(fromMember, fromChamber);
		// chamber staff may not merge: the federation does
		assertThatThrownBy(() -> proposals.merge(new ProposalForm(tree.chamber(), "t", ProposalTopic.FINANCING, HolderRole.CPPCC,
				cppcc, List.of(fromMember), null), null)).isInstanceOf(AccessDeniedException.class);

		AccountPrincipal federation = tree.account(tree.county(), Role.FEDERATION_ADMIN);
		signIn(federation);
		assertThat(proposals.holders(HolderRole.CPPCC)).extracting(p -> p.id()).containsExactly(cppcc);
		assertRefused(() -> proposals.merge(new ProposalForm(tree.county(), "关于缓解小微企业融资难的提案", ProposalTopic.FINANCING,
				HolderRole.CPPCC, submitter, List.of(fromMember, fromChamber), null), federation), "holderPartyId",
				"proposal.holder.notHolder.CPPCC");
		assertRefused(() -> proposals.merge(new ProposalForm(tree.county(), "关于缓解小微企业融资难的提案", ProposalTopic.FINANCING,
				HolderRole.CPPCC, cppcc, List.of(), null), federation), "suggestionIds", "proposal.suggestions.required");
		Long id = proposals.merge(new ProposalForm(tree.county(), "关于缓解小微企业融资难的提案", ProposalTopic.FINANCING, HolderRole.CPPCC,
				cppcc, List.of(fromMember, fromChamber), null), federation);
		assertRefused(() -> proposals.merge(new ProposalForm(tree.county(), "again", ProposalTopic.FINANCING, HolderRole.CPPCC, cppcc,
				List.of(fromMember), null), federation), "suggestionIds", "proposal.suggestions.unavailable");
		assertThat(proposals.get(id).status()).isEqualTo(ProposalStatus.SUBMITTED);
		assertThat(proposals.get(id).holderName()).isEqualTo("委员" + tree.tag());

		assertRefused(() -> proposals.answer(id, new AnswerForm(" ", "已研究", null), null, federation), "department", "proposal.required");
		assertRefused(() -> proposals.answer(id, new AnswerForm("市财政局", "已研究", today().plusDays(1)), null, federation), "answeredOn",
				"proposal.date.future");
		proposals.answer(id, new AnswerForm("市财政局", "拟设立转贷应急资金", null), new AnswerFile("答复函.pdf", "application/pdf",
				"%PDF-1.4".getBytes()), federation);
		assertThat(proposals.answerFile(id).name()).isEqualTo("答复函.pdf");
		proposals.adopt(id, null, null, federation);
		assertRefused(() -> proposals.instruct(id, null, "请抓紧落实", federation), "instructedOn", "proposal.status.closed");
		assertThat(proposals.steps(id)).extracting(Proposals.Step::status)
			.containsExactly(ProposalStatus.SUBMITTED, ProposalStatus.ANSWERED, ProposalStatus.ADOPTED);
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'Proposal' and entity_id = :id")
			.param("id", id.toString()).query(Long.class).single()).isEqualTo(3);

		LocalDate today = today();
		ProposalFigures.Totals totals = figures.totals(tree.county(), today.withDayOfYear(1), today);
		assertThat(totals.suggestions()).isEqualTo(2);
		assertThat(totals.proposals()).isEqualTo(1);
		assertThat(totals.answered()).isEqualTo(1);
		assertThat(totals.adopted()).isEqualTo(1);
		assertThat(figures.byTopic(tree.county(), today.withDayOfYear(1), today))
			.filteredOn(r -> r.topic() == ProposalTopic.FINANCING).singleElement()
			.satisfies(r -> assertThat(r.suggestions()).isEqualTo(2));

		signIn(member);
		assertThat(suggestions.mine(member)).singleElement().satisfies(s -> {
			assertThat(s.adopted()).isTrue();
			assertThat(s.proposalHolderRole()).isEqualTo(HolderRole.CPPCC);
		});

		signIn(tree.account(tree.neighbourCounty(), Role.FEDERATION_ADMIN));
		assertThatThrownBy(() -> proposals.get(id)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> suggestions.get(fromMember)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> proposals.adopt(id, null, null, null)).isInstanceOf(RecordNotFoundException.class);
	}

	private static LocalDate today() {
		return LocalDate.now(ChinaTime.ZONE);
	}

	private static void assertRefused(Runnable action, String field, String key) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleViolationException.class, e -> {
			assertThat(e.field()).isEqualTo(field);
			assertThat(e.messageKey()).isEqualTo(key);
		});
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}

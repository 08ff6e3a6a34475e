package org.chamberlink.disclosure;

import java.time.LocalDate;

import org.chamberlink.disclosure.DisclosureDrafts.ExpenseForm;
import org.chamberlink.disclosure.DisclosureDrafts.ResolutionForm;
import org.chamberlink.disclosure.DisclosureFinances.Finances;
import org.chamberlink.disclosure.DisclosureParts.FileContent;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
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
 * 三公开 end to end against PostgreSQL: a chamber's disclosure of this year with its income computed
 * from the dues ledger and the donation ledger, an expense refused without its voucher (nothing
 * written) and accepted with it, a typed resolution, the balance; publishing freezes the income (a
 * later payment does not change what was published), a member reads it, a member of another
 * organisation and the neighbour do not, and the county's board names the organisations that have
 * not published.
 */
@IntegrationTest
@Tag("database")
class DisclosureWorkflowTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Disclosures disclosures;

	@Autowired
	DisclosureDrafts disclosureDrafts;

	@Autowired
	DisclosureFinances disclosureFinances;

	@Autowired
	MemberDisclosures memberDisclosures;

	TestTree tree;

	long person;

	String token;

	long pledge;

	@BeforeEach
	void aChamberWithDuesAndADonation() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("公开");
		token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		person = MemberFixture.person(port, token, tree.chamber(), "公开会员" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		DuesFixture.schedule(port, token, tree.chamber(), year, "2000");
		DuesFixture.bill(port, token, tree.chamber(), year);
		long bill = jdbc.sql("select id from dues_bill where party_id = :p").param("p", person).query(Long.class).single();
		DuesFixture.pay(port, token, bill, "6000");
		long campaign = Json.created(Api.post(port, "/api/v1/welfare/campaigns", token, "{\"orgId\":" + tree.chamber()
				+ ",\"kind\":\"EDUCATION\",\"title\":\"助学捐赠" + tree.tag() + "\"}"));
		pledge = Json.created(Api.post(port, "/api/v1/welfare/campaigns/" + campaign + "/pledges", token,
				"{\"partyId\":" + person + ",\"money\":\"500\",\"consent\":true}"));
		Json.created(Api.post(port, "/api/v1/welfare/pledges/" + pledge + "/receipts", token, "{\"money\":\"500\"}"));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aChamberPublishesItsFinancesAndAMemberReadsThem() {
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		AccountPrincipal admin = tree.account(tree.chamber(), Role.CHAMBER_ADMIN);
		signIn(admin);
		assertRefused(() -> disclosures.create(tree.chamber(), year + 1), "year", "disclosure.year.invalid");
		assertRefused(() -> disclosures.create(tree.neighbour(), year), "orgId", "disclosure.organization.notFound");
		Long id = disclosures.create(tree.chamber(), year);
		assertRefused(() -> disclosures.create(tree.chamber(), year), "year", "disclosure.year.exists");

		Finances live = disclosureFinances.finances(id);
		assertThat(live.frozen()).isFalse();
		assertThat(live.income()).extracting(l -> l.source() + "." + l.category() + "=" + l.amountFen())
			.containsExactly("DUES.PAID=600000", "DONATION.EDUCATION=50000");

		assertRefused(() -> disclosureDrafts.addExpense(id, new ExpenseForm(LocalDate.of(year, 1, 2), ExpenseCategory.OFFICE, "办公用品", "300"),
				null), "voucher", "disclosure.expense.voucherRequired");
		assertRefused(() -> disclosureDrafts.addExpense(id, new ExpenseForm(LocalDate.of(year, 1, 2), ExpenseCategory.OFFICE, "办公用品", "-3"),
				voucher()), "amount", "disclosure.amount.invalid");
		assertRefused(() -> disclosureDrafts.addExpense(id, new ExpenseForm(LocalDate.of(year - 1, 12, 31), ExpenseCategory.OFFICE, "办公用品",
				"300"), voucher()), "spentOn", "disclosure.date.outsideYear");
		assertThat(jdbc.sql("select count(*) from disclosure_expense where disclosure_id = :d").param("d", id).query(Long.class).single())
			.isZero();
		disclosureDrafts.addExpense(id, new ExpenseForm(LocalDate.of(year, 1, 2), ExpenseCategory.OFFICE, "办公用品", "300"), voucher());
		disclosureDrafts.addResolution(id, new ResolutionForm(null, LocalDate.of(year, 1, 3), "会员大会", "通过年度工作报告"));
		assertRefused(() -> disclosureDrafts.addResolution(id, new ResolutionForm(1L, null, null, "伪造的决议")), "text",
				"disclosure.resolution.notInMinutes");
		disclosureDrafts.writeTexts(id, "召开党支部会议四次", "新任秘书长一名");
		assertThat(disclosureFinances.finances(id).balanceFen()).isEqualTo(600000 + 50000 - 30000);

		// staff may not publish: officers do
		signIn(tree.account(tree.chamber(), Role.STAFF));
		assertThatThrownBy(() -> disclosureDrafts.publish(id, null)).isInstanceOf(AccessDeniedException.class);

		signIn(tree.account(tree.county(), Role.FEDERATION_ADMIN));
		assertThat(disclosures.board(tree.county(), year)).filteredOn(b -> b.orgId().equals(tree.chamber())).singleElement()
			.satisfies(b -> assertThat(b.published()).isFalse());

		signIn(admin);
		disclosureDrafts.publish(id, admin);
		assertRefused(() -> disclosureDrafts.writeTexts(id, "改", null), "status", "disclosure.published.frozen");
		// a later donation changes the ledger, not what was published
		Json.created(Api.post(port, "/api/v1/welfare/pledges/" + pledge + "/receipts", token, "{\"money\":\"100\"}"));
		assertThat(disclosureFinances.computedIncome(tree.chamber(), year)).extracting(DisclosureFinances.IncomeLine::amountFen)
			.containsExactly(600000L, 60000L);
		assertThat(disclosureFinances.finances(id).frozen()).isTrue();
		assertThat(disclosureFinances.finances(id).incomeFen()).isEqualTo(650000);

		signIn(tree.account(tree.county(), Role.FEDERATION_ADMIN));
		assertThat(disclosures.board(tree.county(), year)).filteredOn(b -> b.orgId().equals(tree.chamber())).singleElement()
			.satisfies(b -> assertThat(b.published()).isTrue());
		assertThat(disclosures.board(tree.county(), year)).filteredOn(b -> b.orgId().equals(tree.county())).singleElement()
			.satisfies(b -> assertThat(b.published()).isFalse());

		AccountPrincipal member = CaseFixture.memberAccount(accountManagement, jdbc, person);
		signIn(member);
		assertThat(memberDisclosures.forMember(member)).extracting(Disclosures.Disclosure::id).containsExactly(id);
		MemberDisclosures.MemberView view = memberDisclosures.memberView(member, id);
		assertThat(view.finances().balance()).isEqualTo("¥6,200.00");
		assertThat(view.resolutions()).extracting(DisclosureParts.ResolutionLine::text).containsExactly("通过年度工作报告");

		long outsider = MemberFixture.person(port, tree.token(tree.neighbour(), Role.CHAMBER_ADMIN), tree.neighbour(),
				"邻会会员" + tree.tag(), MemberFixture.identityNumber(), MemberFixture.phone());
		AccountPrincipal other = CaseFixture.memberAccount(accountManagement, jdbc, outsider);
		signIn(other);
		assertThat(memberDisclosures.forMember(other)).isEmpty();
		assertThatThrownBy(() -> memberDisclosures.memberView(other, id)).isInstanceOf(RecordNotFoundException.class);

		signIn(tree.account(tree.neighbourCounty(), Role.FEDERATION_ADMIN));
		assertThatThrownBy(() -> disclosures.get(id)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> disclosures.board(tree.county(), year)).isInstanceOf(RecordNotFoundException.class);
	}

	private static FileContent voucher() {
		return new FileContent("发票.pdf", "application/pdf", "%PDF-1.4 voucher".getBytes());
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

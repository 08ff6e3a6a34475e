package org.chamberlink.finance;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.chamberlink.finance.BankAgreements.AgreementForm;
import org.chamberlink.finance.GuaranteeFunds.EntryForm;
import org.chamberlink.finance.LoanReferrals.ApplicationForm;
import org.chamberlink.finance.LoanReferrals.OutcomeForm;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;
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
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Financing end to end against PostgreSQL: a county's bank agreement covers its chambers; a member's
 * application (portal and staff) is recommended only to a bank with an agreement in force, granted,
 * and counted by bank and organisation; the guarantee fund is an insert-only ledger whose balance a
 * guarantee may not exceed; amounts negative, zero or in the wrong unit are refused with the field
 * named and nothing written; the neighbouring county sees none of it.
 */
@IntegrationTest
@Tag("database")
class FinanceWorkflowTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BankAgreements agreements;

	@Autowired
	LoanReferrals referrals;

	@Autowired
	GuaranteeFunds funds;

	@Autowired
	FinanceFigures financeFigures;

	@Autowired
	Figures figures;

	@Autowired
	MessageSource messages;

	TestTree tree;

	long enterprise;

	long person;

	@BeforeEach
	void aCountyWithMembers() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("融资");
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		enterprise = MemberFixture.enterprise(port, token, tree.chamber(), "贷款企业" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		person = MemberFixture.person(port, token, tree.chamber(), "贷款会员" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		signIn(tree.account(tree.county(), Role.STAFF));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aPortalApplicationIsRecommendedUnderTheCountysAgreementGrantedAndCounted() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		Long agreement = agreements.sign(new AgreementForm(tree.county(), "河北银行" + tree.tag(), today.minusDays(30), "100,000,000",
				"客户群体担保贷款，会员企业联保", null, null));
		// an agreement that has ended: its bank is no longer one to recommend to
		agreements.sign(new AgreementForm(tree.county(), "过期银行" + tree.tag(), today.minusYears(3), "1000000", null, today.minusYears(3),
				today.minusYears(1)));
		// the member applies in the portal
		AccountPrincipal member = CaseFixture.memberAccount(accountManagement, jdbc, person);
		signIn(member);
		Long referral = referrals.applyOwn(member, new ApplicationForm(null, null, "300000", "购置设备", 24));
		assertThat(referrals.own(member)).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(ReferralStatus.APPLIED);
			assertThat(r.channel()).isEqualTo("PORTAL");
			assertThat(r.orgId()).isEqualTo(tree.chamber());
		});
		// the chamber's staff recommend it: a bank without an agreement, or with one that has ended, is refused
		signIn(tree.account(tree.chamber(), Role.STAFF));
		assertThat(agreements.covering(tree.chamber(), today)).extracting(BankAgreements.Agreement::id).containsExactly(agreement);
		assertRefused(() -> referrals.recommend(referral, null, "无协议银行"), "bank", "finance.referral.noAgreement");
		assertRefused(() -> referrals.recommend(referral, null, "过期银行" + tree.tag()), "bank", "finance.referral.noAgreement");
		assertThat(referrals.get(referral).status()).isEqualTo(ReferralStatus.APPLIED);
		// an agreement of the neighbouring county does not cover this chamber
		signIn(tree.account(tree.neighbourCounty(), Role.STAFF));
		Long elsewhere = agreements.sign(new AgreementForm(tree.neighbourCounty(), "邻区银行" + tree.tag(), today, "1000000", null, null, null));
		signIn(tree.account(tree.chamber(), Role.STAFF));
		assertRefused(() -> referrals.recommend(referral, elsewhere, null), "agreementId", "finance.referral.noAgreement");
		referrals.recommend(referral, agreement, null);
		assertThat(referrals.get(referral).bank()).isEqualTo("河北银行" + tree.tag());
		// the outcome: a rate or an amount in the wrong form is refused; then granted
		assertRefused(() -> referrals.grant(referral, new OutcomeForm("30万", "4.35", today)), "grantedAmount", "finance.money.invalid");
		assertRefused(() -> referrals.grant(referral, new OutcomeForm("300000", "四厘", today)), "rate", "finance.rate.invalid");
		referrals.grant(referral, new OutcomeForm("250000", "4.35%", today));
		signIn(member);
		assertThat(referrals.own(member)).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(ReferralStatus.GRANTED);
			assertThat(r.granted()).isEqualTo("250,000.00");
			assertThat(r.rate()).isEqualTo("4.35%");
		});
		// staff enter a second application for the enterprise, refused by the bank
		signIn(tree.account(tree.county(), Role.STAFF));
		Long second = referrals.apply(new ApplicationForm(enterprise, tree.chamber(), "160,000,000", "扩建厂房", 36));
		referrals.recommend(second, null, "河北银行" + tree.tag());
		referrals.refuse(second, "抵押物不足", today);
		assertRefused(() -> referrals.grant(second, new OutcomeForm("1", "4", today)), "grantedAmount", "finance.referral.notRecommended");
		// the figures: loans arranged by bank and by organisation
		FigurePeriod year = FigurePeriod.thisYear(today);
		FinanceTotals county = financeFigures.totals(tree.county(), year.from(), year.to());
		assertThat(county.applied()).isEqualTo(2);
		assertThat(county.granted()).isEqualTo(1);
		assertThat(county.grantedAmount()).isEqualTo("250,000.00");
		assertThat(county.refused()).isEqualTo(1);
		assertThat(financeFigures.byBank(tree.county(), year.from(), year.to())).singleElement()
			.satisfies(b -> assertThat(b.granted()).isEqualTo("250,000.00"));
		assertThat(figures.table(tree.county(), year, id -> "", "finance.granted").rows()).isNotEmpty();
		// audited
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'LoanReferral' and entity_id = :id")
			.param("id", referral.toString()).query(Long.class).single()).isEqualTo(3);
		// the neighbouring county sees none of it
		signIn(tree.account(tree.neighbourCounty(), Role.STAFF));
		assertThat(referrals.find(referral)).isEmpty();
		assertThat(agreements.find(agreement)).isEmpty();
		assertThat(referrals.list(null)).extracting(LoanReferrals.Referral::id).doesNotContain(referral, second);
	}

	@Test
	void aReferralOfAnOrganisationWithoutAnyAgreementCannotBeRecommended() {
		Long referral = referrals.apply(new ApplicationForm(enterprise, tree.chamber(), "50000", "流动资金", 12));
		assertRefused(() -> referrals.recommend(referral, null, "工商银行"), "bank", "finance.referral.noAgreement");
		assertThat(jdbc.sql("select status from finance_referral where id = :id").param("id", referral).query(String.class).single())
			.isEqualTo("APPLIED");
	}

	@Test
	void theGuaranteeFundIsAnInsertOnlyLedgerThatNoGuaranteeMayOverdraw() {
		Long org = tree.chamber();
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		funds.enter(org, new EntryForm(FundEntryKind.CONTRIBUTION, "200000", enterprise, null, today, "首期缴入"));
		funds.enter(org, new EntryForm(FundEntryKind.CONTRIBUTION, "100000.50", person, null, today, null));
		// amounts negative, zero or in the wrong unit: refused with the field named, nothing written
		long before = entries(org);
		for (String typed : List.of("-5", "0", "12.345", "1万", "abc", "")) {
			assertThatThrownBy(() -> funds.enter(org, new EntryForm(FundEntryKind.CONTRIBUTION, typed, enterprise, null, today, null)))
				.isInstanceOfSatisfying(RuleViolationException.class, e -> {
					assertThat(e.field()).isEqualTo("amount");
					assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE)).contains("金额（元）");
				});
		}
		assertThat(messages.getMessage("finance.money.invalid", new Object[] { FinanceInput.label("amount"), "12.345" },
				Locale.SIMPLIFIED_CHINESE)).isEqualTo("“金额（元）”须以元为单位填写数字，最多两位小数（如 500000 或 1200.50），不能写“12.345”");
		// a guarantee above the balance is refused
		assertRefused(() -> funds.enter(org, new EntryForm(FundEntryKind.GUARANTEE, "300000.51", enterprise, null, today, null)), "amount",
				"finance.fund.aboveBalance");
		assertThat(entries(org)).isEqualTo(before);
		Long guarantee = funds.enter(org, new EntryForm(FundEntryKind.GUARANTEE, "250000", enterprise, null, today, "为贷款担保"));
		GuaranteeFunds.Balance balance = funds.balance(org);
		assertThat(balance.available()).isEqualTo("50,000.50");
		assertThat(balance.outstanding()).isEqualTo("250,000.00");
		// a second guarantee above what is left is refused; a release above the outstanding guarantees too
		assertRefused(() -> funds.enter(org, new EntryForm(FundEntryKind.GUARANTEE, "60000", person, null, today, null)), "amount",
				"finance.fund.aboveBalance");
		assertRefused(() -> funds.enter(org, new EntryForm(FundEntryKind.RELEASE, "250000.01", null, null, today, null)), "amount",
				"finance.fund.aboveOutstanding");
		funds.enter(org, new EntryForm(FundEntryKind.RELEASE, "200000", enterprise, null, today, "部分还款"));
		funds.enter(org, new EntryForm(FundEntryKind.DEFAULT, "50000", enterprise, null, today, "代偿"));
		balance = funds.balance(org);
		assertThat(balance.available()).isEqualTo("250,000.50");
		assertThat(balance.outstandingFen()).isZero();
		assertThat(balance.defaulted()).isEqualTo("50,000.00");
		// a correction is a new entry naming the one it corrects, once; never an edit
		Long first = jdbc.sql("select min(id) from finance_fund_entry where org_id = :o").param("o", org).query(Long.class).single();
		funds.correct(first, "金额录错");
		assertThat(funds.balance(org).available()).isEqualTo("50,000.50");
		assertRefused(() -> funds.correct(first, "再次"), "reason", "finance.fund.alreadyCorrected");
		// the database itself refuses an update or a delete
		assertThatThrownBy(() -> jdbc.sql("update finance_fund_entry set amount_fen = 1 where id = :id").param("id", guarantee).update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("insert-only");
		assertThatThrownBy(() -> jdbc.sql("delete from finance_fund_entry where id = :id").param("id", guarantee).update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("insert-only");
		// the neighbour's staff do not reach the fund
		signIn(tree.account(tree.neighbourCounty(), Role.STAFF));
		assertThatThrownBy(() -> funds.balance(org)).isInstanceOf(org.chamberlink.shared.RecordNotFoundException.class);
		assertThatThrownBy(() -> funds.correct(guarantee, "x")).isInstanceOf(org.chamberlink.shared.RecordNotFoundException.class);
	}

	private long entries(Long org) {
		return jdbc.sql("select count(*) from finance_fund_entry where org_id = :o").param("o", org).query(Long.class).single();
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

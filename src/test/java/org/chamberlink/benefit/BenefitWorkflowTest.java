package org.chamberlink.benefit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.chamberlink.dues.DuesLedger;
import org.chamberlink.dues.PaymentForm;
import org.chamberlink.dues.PaymentMethod;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.DuesFixture;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Member cards and partner merchants against PostgreSQL: a member in arrears holds an invalid card,
 * a payment makes it valid in the same transaction that records it, and a merchant's till refuses a
 * forged, an expired, a tampered code, a card in arrears and a member of another organisation (that
 * one exactly as a forged code); a use is recorded once per check; the neighbour sees no merchant.
 */
@IntegrationTest
@Tag("database")
class BenefitWorkflowTest {

	static final int YEAR = LocalDate.now(ChinaTime.ZONE).getYear();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Merchants merchants;

	@Autowired
	MemberCards cards;

	@Autowired
	BenefitFigures figures;

	@Autowired
	DuesLedger ledger;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	TestTree tree;

	long person;

	long neighbourPerson;

	long bill;

	AccountPrincipal member;

	AccountPrincipal neighbourMember;

	@BeforeEach
	void aChamberWithAMemberInArrears() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("会员卡");
		String admin = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		person = MemberFixture.person(port, admin, tree.chamber(), "持卡人" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		String neighbourAdmin = tree.token(tree.neighbour(), Role.CHAMBER_ADMIN);
		neighbourPerson = MemberFixture.person(port, neighbourAdmin, tree.neighbour(), "邻区持卡人" + tree.tag(),
				MemberFixture.identityNumber(), MemberFixture.phone());
		// a year's dues due on 31 March and unpaid: in arrears (the fixture's person joined in 2023)
		DuesFixture.schedule(port, admin, tree.chamber(), YEAR, "500");
		DuesFixture.bill(port, admin, tree.chamber(), YEAR);
		bill = jdbc.sql("select id from dues_bill where party_id = :p and year = :y").param("p", person).param("y", YEAR)
			.query(Long.class).single();
		member = CaseFixture.memberAccount(accountManagement, jdbc, person);
		neighbourMember = CaseFixture.memberAccount(accountManagement, jdbc, neighbourPerson);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCardInArrearsTurnsValidInTheTransactionThatRecordsThePaymentAndAUseIsRecordedOnce() {
		AccountPrincipal till = till(tree.county(), "长安茶楼" + tree.tag());

		MemberCard card = cards.own(member).orElseThrow();
		assertThat(card.name()).isEqualTo("持卡人" + tree.tag());
		assertThat(card.organisations()).containsExactly("长安区会员卡商会" + tree.tag());
		assertThat(card.memberSince()).isEqualTo(LocalDate.of(2023, 6, 15));
		assertThat(card.valid()).isFalse();
		assertThat(card.expiresAt()).isAfter(java.time.Instant.now().plus(Duration.ofSeconds(100)));

		CardCheck arrears = cards.check(till, card.code());
		assertThat(arrears.valid()).isFalse();
		assertThat(arrears.messageKey()).isEqualTo("benefit.check.arrears");
		assertThat(arrears.name()).isNull();
		assertRefused(() -> cards.recordUse(till, card.code()), "code", "benefit.check.arrears");

		// the payment and the check in one transaction: validity is read from the ledger as it stands
		signIn(tree.account(tree.chamber(), Role.STAFF));
		CardCheck afterPayment = transactions.execute(status -> {
			ledger.pay(bill, new PaymentForm("10000", LocalDate.now(ChinaTime.ZONE), PaymentMethod.CASH, null, null));
			return cards.check(till, card.code());
		});
		assertThat(afterPayment.valid()).isTrue();
		assertThat(afterPayment.name()).isEqualTo("持卡人" + tree.tag());
		assertThat(afterPayment.organisations()).containsExactly("长安区会员卡商会" + tree.tag());
		assertThat(cards.own(member).orElseThrow().valid()).isTrue();

		Long use = cards.recordUse(till, card.code());
		assertThat(use).isPositive();
		assertRefused(() -> cards.recordUse(till, card.code()), "code", "benefit.use.already");
		// a fresh code (issued in a later second: codes name their second) is a new check: one more use
		String fresh = await().atMost(Duration.ofSeconds(30)).until(() -> cards.own(member).orElseThrow().code(),
				code -> !code.equals(card.code()));
		cards.recordUse(till, fresh);

		signIn(tree.account(tree.county(), Role.STAFF));
		Long merchant = merchants.ofAccount(till).orElseThrow().id();
		assertThat(figures.byMonth(merchant)).singleElement().satisfies(month -> {
			assertThat(month.uses()).isEqualTo(2);
			assertThat(month.members()).isEqualTo(1);
		});
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		BenefitTotals totals = figures.totals(tree.county(), today.withDayOfYear(1), today);
		assertThat(totals.uses()).isEqualTo(2);
		assertThat(totals.merchants()).isEqualTo(1);
		assertThat(totals.cardsValid()).isEqualTo(1);
		assertThat(totals.members()).isEqualTo(1);
	}

	@Test
	void forgedExpiredTamperedAndForeignCodesAreRefusedInWords() {
		AccountPrincipal till = till(tree.county(), "长安书店" + tree.tag());
		signIn(tree.account(tree.chamber(), Role.STAFF));
		ledger.pay(bill, new PaymentForm("10000", LocalDate.now(ChinaTime.ZONE), PaymentMethod.CASH, null, null));
		String code = cards.own(member).orElseThrow().code();
		assertThat(cards.check(till, code).valid()).isTrue();

		for (String forged : new String[] { "", "hello", "CL.1.2.AAAAAAAAAAAAAAAAAAAAAA", code + "x", code.toLowerCase() }) {
			CardCheck check = cards.check(till, forged);
			assertThat(check.valid()).as(forged).isFalse();
			assertThat(check.messageKey()).as(forged).isEqualTo("benefit.check.forged");
			assertThat(check.name()).isNull();
		}
		// another member's number written into a real code: its signature no longer matches
		String tampered = code.replaceFirst("^CL\\." + person + "\\.", "CL." + neighbourPerson + ".");
		assertThat(tampered).isNotEqualTo(code);
		assertThat(cards.check(till, tampered).messageKey()).isEqualTo("benefit.check.forged");

		// a code signed three minutes ago (by the same key) has expired
		CardCodes earlier = new CardCodes(jdbc, Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofMinutes(-3)),
				transactionManager);
		String expired = earlier.issue(person);
		CardCheck late = cards.check(till, expired);
		assertThat(late.valid()).isFalse();
		assertThat(late.messageKey()).isEqualTo("benefit.check.expired");
		assertRefused(() -> cards.recordUse(till, expired), "code", "benefit.check.expired");

		// a member of another organisation answers exactly as a forged code, and so does a neighbour merchant
		CardCheck foreign = cards.check(till, cards.own(neighbourMember).orElseThrow().code());
		assertThat(foreign).isEqualTo(CardCheck.invalid("benefit.check.forged", foreign.code()));
		AccountPrincipal neighbourTill = till(tree.neighbourCounty(), "桥西茶楼" + tree.tag());
		CardCheck elsewhere = cards.check(neighbourTill, code);
		assertThat(elsewhere).isEqualTo(CardCheck.invalid("benefit.check.forged", code));
		assertRefused(() -> cards.recordUse(neighbourTill, code), "code", "benefit.check.forged");

		// a merchant whose partnership has ended checks nothing
		signIn(tree.account(tree.county(), Role.STAFF));
		Merchant merchant = merchants.ofAccount(till).orElseThrow();
		merchants.update(merchant.id(), new MerchantForm(merchant.orgId(), merchant.name(), merchant.category(), merchant.address(),
				merchant.terms(), LocalDate.now(ChinaTime.ZONE).minusYears(1), LocalDate.now(ChinaTime.ZONE).minusDays(1)));
		assertThat(cards.check(till, cards.own(member).orElseThrow().code()).messageKey())
			.isEqualTo("benefit.check.merchantOutOfTerm");
	}

	@Test
	void merchantsAreKeptInTheSubtreeAndRefusedWhenIncomplete() {
		signIn(tree.account(tree.county(), Role.STAFF));
		Long id = merchants.create(new MerchantForm(tree.chamber(), " 长安面馆 ", MerchantCategory.CATERING, "长安区中山东路 1 号",
				"会员九折", null, null));
		Merchant merchant = merchants.get(id);
		assertThat(merchant.name()).isEqualTo("长安面馆");
		assertThat(merchant.orgName()).isEqualTo("长安区会员卡商会" + tree.tag());
		assertThat(merchant.startsOn()).isEqualTo(LocalDate.now(ChinaTime.ZONE));
		assertRefused(() -> merchants.create(new MerchantForm(tree.chamber(), "长安面馆", MerchantCategory.CATERING, "地址", "九折",
				null, null)), "name", "benefit.merchant.duplicate");
		assertRefused(() -> merchants.create(new MerchantForm(tree.chamber(), "", MerchantCategory.CATERING, "地址", "九折", null,
				null)), "name", "benefit.required");
		assertRefused(() -> merchants.create(new MerchantForm(tree.chamber(), "甲", null, "地址", "九折", null, null)), "category",
				"benefit.required");
		assertRefused(() -> merchants.create(new MerchantForm(tree.chamber(), "乙", MerchantCategory.RETAIL, "地址", "九折",
				LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1))), "endsOn", "benefit.dates.order");
		assertRefused(() -> merchants.create(new MerchantForm(tree.neighbour(), "丙", MerchantCategory.RETAIL, "地址", "九折", null,
				null)), "orgId", "benefit.organization.notFound");

		signIn(tree.account(tree.neighbourCounty(), Role.FEDERATION_ADMIN));
		assertThat(merchants.find(id)).isEmpty();
		assertThat(merchants.list()).noneMatch(m -> m.id().equals(id));
		assertThatThrownBy(() -> merchants.openAccount(id)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> figures.byMonth(id)).isInstanceOf(RecordNotFoundException.class);
	}

	/** A merchant signed by the node, with its till opened by the node's administrator. */
	private AccountPrincipal till(long node, String name) {
		signIn(tree.account(node, Role.FEDERATION_ADMIN));
		Long id = merchants.create(new MerchantForm(node, name, MerchantCategory.CATERING, "中山路 8 号", "会员消费九折", null, null));
		Merchants.Opened opened = merchants.openAccount(id);
		assertThat(opened.login()).isEqualTo("merchant-" + id);
		assertThat(opened.initialPassword()).hasSizeGreaterThanOrEqualTo(12);
		assertRefused(() -> merchants.openAccount(id), "account", "benefit.merchant.accountOpen");
		SecurityContextHolder.clearContext();
		AccountPrincipal till = accountManagement.findByUsername(opened.login()).orElseThrow();
		assertThat(till.roles()).containsExactly(Role.MERCHANT);
		return till;
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

	private static void assertRefused(Runnable action, String field, String key) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleViolationException.class, e -> {
			assertThat(e.field()).isEqualTo(field);
			assertThat(e.messageKey()).isEqualTo(key);
		});
	}

}

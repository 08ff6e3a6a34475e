package org.chamberlink.dues;

import java.time.LocalDate;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What other modules hear from the dues ledger: a payment recorded, a payment reversed, and a
 * bill collected — settled in full by a payment, by a waiver, or by credit when it is issued.
 */
@IntegrationTest
@EnableScenarios
@Tag("database")
class DuesEventsTest {

	static final int YEAR = LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE).getYear();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DuesLedger ledger;

	@Autowired
	DuesCorrections corrections;

	@Autowired
	DuesBilling billing;

	long chamber;

	String chamberPath;

	long party;

	long membership;

	long bill;

	@BeforeEach
	void aBilledMember() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "会费事件省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "新华区工商联", "130105", province);
		chamber = fixture.chamber("INDUSTRY", "新华区餐饮商会", "130105", county);
		chamberPath = jdbc.sql("select path from organization where id = :id").param("id", chamber).query(String.class).single();
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		party = MemberFixture.enterprise(port, admin, chamber, "石家庄新华餐饮有限公司", MemberFixture.creditCode(),
				MemberFixture.phone());
		membership = jdbc.sql("select id from membership where party_id = :p").param("p", party).query(Long.class).single();
		DuesFixture.schedule(port, admin, chamber, YEAR, "500");
		DuesFixture.bill(port, admin, chamber, YEAR);
		bill = jdbc.sql("select id from dues_bill where party_id = :p and year = :y").param("p", party).param("y", YEAR)
			.query(Long.class).single();
		AccountPrincipal clerk = new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(clerk, null, clerk.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void recordingAPaymentPublishesPaymentRecordedWithWhatWentToTheBillAndWhatBecameCredit(Scenario scenario) {
		scenario.stimulate(() -> ledger.pay(bill, new PaymentForm("600", LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE), PaymentMethod.BANK, "EV-" + bill, null)))
			.andWaitForEventOfType(PaymentRecorded.class)
			.matching(event -> event.billId().equals(bill))
			.toArriveAndVerify((event, entryId) -> {
				assertThat(event.entryId()).isEqualTo(entryId);
				assertThat(event.membershipId()).isEqualTo(membership);
				assertThat(event.partyId()).isEqualTo(party);
				assertThat(event.orgId()).isEqualTo(chamber);
				assertThat(event.orgPath()).isEqualTo(chamberPath);
				assertThat(event.year()).isEqualTo(YEAR);
				assertThat(event.amountFen()).isEqualTo(60_000L);
				assertThat(event.appliedFen()).isEqualTo(50_000L);
				assertThat(event.creditFen()).isEqualTo(10_000L);
				assertThat(event.method()).isEqualTo(PaymentMethod.BANK);
				assertThat(event.paidOn()).isEqualTo(LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE));
			});
	}

	@Test
	void reversingAPaymentPublishesPaymentReversedNamingThePayment(Scenario scenario) {
		Long payment = ledger.pay(bill, new PaymentForm("200", LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE), PaymentMethod.CASH, null, null));
		scenario.stimulate(() -> corrections.reverse(payment, "金额录错"))
			.andWaitForEventOfType(PaymentReversed.class)
			.matching(event -> event.paymentEntryId().equals(payment))
			.toArriveAndVerify((event, correction) -> {
				assertThat(event.entryId()).isEqualTo(correction);
				assertThat(event.billId()).isEqualTo(bill);
				assertThat(event.membershipId()).isEqualTo(membership);
				assertThat(event.partyId()).isEqualTo(party);
				assertThat(event.orgId()).isEqualTo(chamber);
				assertThat(event.orgPath()).isEqualTo(chamberPath);
				assertThat(event.amountFen()).isEqualTo(20_000L);
				assertThat(event.appliedFen()).isEqualTo(20_000L);
				assertThat(event.creditFen()).isZero();
				assertThat(event.reversedOn()).isEqualTo(LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE));
			});
	}

	@Test
	void thePaymentThatSettlesABillPublishesDuesCollected(Scenario scenario) {
		ledger.pay(bill, new PaymentForm("200", LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE), PaymentMethod.CASH, null, null));
		scenario.stimulate(() -> ledger.pay(bill, new PaymentForm("300", LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE), PaymentMethod.CASH, null, null)))
			.andWaitForEventOfType(DuesCollected.class)
			.matching(event -> event.billId().equals(bill))
			.toArriveAndVerify((event, entryId) -> {
				assertThat(event.settlingEntryId()).isEqualTo(entryId);
				assertThat(event.membershipId()).isEqualTo(membership);
				assertThat(event.partyId()).isEqualTo(party);
				assertThat(event.orgPath()).isEqualTo(chamberPath);
				assertThat(event.year()).isEqualTo(YEAR);
				assertThat(event.amountFen()).isEqualTo(50_000L);
				assertThat(event.paidFen()).isEqualTo(50_000L);
				assertThat(event.waivedFen()).isZero();
				assertThat(event.settledOn()).isEqualTo(LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE));
			});
	}

	@Test
	void aWaiverOfTheRestPublishesDuesCollectedWithWhatWasWaived(Scenario scenario) {
		ledger.pay(bill, new PaymentForm("100", LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE), PaymentMethod.CASH, null, null));
		scenario.stimulate(() -> ledger.waive(bill, new WaiverForm(null, "企业受灾", "会长办公会")))
			.andWaitForEventOfType(DuesCollected.class)
			.matching(event -> event.billId().equals(bill))
			.toArriveAndVerify((event, entryId) -> {
				assertThat(event.settlingEntryId()).isEqualTo(entryId);
				assertThat(event.paidFen()).isEqualTo(10_000L);
				assertThat(event.waivedFen()).isEqualTo(40_000L);
			});
	}

	@Test
	void creditThatSettlesNextYearsBillWhenItIsIssuedPublishesDuesCollected(Scenario scenario) {
		ledger.pay(bill, new PaymentForm("1000", LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE), PaymentMethod.CASH, null, null));
		DuesFixture.schedule(port, new OrganizationFixture(port, accountManagement, tokens, jdbc).tokenIn(chamber,
				Role.CHAMBER_ADMIN), chamber, YEAR + 1, "500");
		scenario.stimulate(() -> billing.runNow(chamber, YEAR + 1, false))
			.andWaitForEventOfType(DuesCollected.class)
			.matching(event -> event.membershipId().equals(membership) && event.year() == YEAR + 1)
			.toArriveAndVerify(event -> {
				assertThat(event.partyId()).isEqualTo(party);
				assertThat(event.orgId()).isEqualTo(chamber);
				assertThat(event.orgPath()).isEqualTo(chamberPath);
				assertThat(event.amountFen()).isEqualTo(50_000L);
				assertThat(event.paidFen()).isEqualTo(50_000L);
				assertThat(event.settlingEntryId()).isEqualTo(jdbc.sql(
						"select id from dues_entry where bill_id = :b and kind = 'CREDIT_USE'").param("b", event.billId())
					.query(Long.class).single());
			});
	}

}

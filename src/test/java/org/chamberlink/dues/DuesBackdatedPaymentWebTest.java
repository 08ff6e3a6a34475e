package org.chamberlink.dues;

import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chamberlink.support.Refusals.assertApiRefused;
import static org.chamberlink.support.Refusals.assertFormKept;

/**
 * Payments from a paper ledger (补录, decision 32): a payment entered with the day it really
 * arrived, earlier than today, counts in its bill's year, is audited as BACKDATED and says on the
 * bill and the receipt when and by whom it was entered; a day in the future, before 1900 or before
 * the membership began is refused on the field and nothing is written.
 */
@IntegrationTest
@Tag("database")
class DuesBackdatedPaymentWebTest {

	static final int PAST = 2024;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	DuesChamber dues;

	@BeforeEach
	void aChamberBilledForAPastYear() {
		dues = DuesChamber.arrange(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc);
		dues.billed(PAST);
	}

	@Test
	void aPaymentFromTheLedgerCountsInItsYearAndIsAuditedAndShownAsBackdated() {
		long bill = dues.billOf(dues.person, PAST);
		long entry = Json.number(Json.createdBody(pay(bill, "10000", "2024-04-01")), "$.entryId");

		String collection = Api.get(port, "/api/v1/organizations/" + dues.chamber() + "/dues-collection?year=" + PAST,
				dues.admin).body();
		assertThat(Json.number(collection, "$.paidFen")).isEqualTo(1_000_000);
		assertThat(Json.number(collection, "$.settledBills")).isOne();
		assertThat(jdbc.sql("select summary from audit_log where action = 'BACKDATED' and entity_type = 'DuesPayment'"
				+ " and entity_id = :id").param("id", Long.toString(entry)).query(String.class).single())
			.contains("2024-04-01");
		assertThat(jdbc.sql("select occurred_on from dues_entry where id = :id").param("id", entry)
			.query(LocalDate.class).single()).isEqualTo(LocalDate.of(2024, 4, 1));

		WebSession clerk = clerk();
		String note = "补录（录入于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d，经办人 [^<]+）";
		assertThat(clerk.get("/dues/bills/" + bill).body()).containsPattern(note);
		assertThat(clerk.get("/dues/receipts/" + entry).body()).containsPattern(note).contains("2024年4月1日");

		// paid today is an ordinary entry, not one after the fact
		long today = Json.number(Json.createdBody(dues.pay(dues.billOf(dues.enterprise, PAST), "100", "CASH", null)),
				"$.entryId");
		assertThat(jdbc.sql("select action from audit_log where entity_type = 'DuesPayment' and entity_id = :id")
			.param("id", Long.toString(today)).query(String.class).single()).isEqualTo("CREATE");
	}

	@Test
	void aDayInTheFutureBefore1900OrBeforeTheMembershipBeganIsRefusedNamingTheDay() {
		long bill = dues.billOf(dues.person, PAST);
		assertApiRefused(pay(bill, "100", LocalDate.now(ChinaTime.ZONE).plusDays(1).toString()), "paidOn", "不能晚于今天");
		// a day the system cannot mean is refused as unreadable when the JSON is read (decision 30)
		var ancient = pay(bill, "100", "1899-12-31");
		assertThat(ancient.statusCode()).isEqualTo(400);
		assertThat(Json.text(ancient.body(), "$.errors[0].field")).isEqualTo("paidOn");
		// the person joined on 2023-06-15 (MemberFixture.person)
		assertApiRefused(pay(bill, "100", "2023-06-14"), "paidOn", "入会日期 2023-06-15");

		WebSession clerk = clerk();
		clerk.get("/dues/bills/" + bill);
		var page = clerk.postForm("/dues/bills/" + bill + "/payments", Map.of("amount", "321.50", "paidOn",
				"2023-06-01", "method", "CASH", "reference", "", "note", "台账第 12 页"));
		assertFormKept(page, "paidOn", "入会日期", "321.50", "2023-06-01", "台账第 12 页");
		assertThat(jdbc.sql("select count(*) from dues_entry where bill_id = :b").param("b", bill).query(Long.class)
			.single()).isZero();
	}

	private java.net.http.HttpResponse<String> pay(long bill, String amount, String paidOn) {
		return Api.post(port, "/api/v1/dues/bills/" + bill + "/payments", dues.admin,
				"{\"amount\":\"" + amount + "\",\"paidOn\":\"" + paidOn + "\",\"method\":\"CASH\"}");
	}

	private WebSession clerk() {
		return WebSession.signedIn(port,
				new TestAccounts(accountManagement).createIn(dues.chamber(), Role.CHAMBER_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
	}

}

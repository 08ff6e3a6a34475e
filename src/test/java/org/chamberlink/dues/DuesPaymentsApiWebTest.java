package org.chamberlink.dues;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.XlsxReader;
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
import static org.chamberlink.dues.DuesChamber.YEAR;

/**
 * Dues through the API, what a treasurer records on a billed year: partial and over-payments with
 * receipts, a duplicate reference and a future date refused, a waiver, credit used by next year's
 * bill, a reversal, a refund of credit and the arrears list. Each test has a chamber of its own
 * ({@link DuesChamber}), billed for this year.
 */
@IntegrationTest
@Tag("database")
class DuesPaymentsApiWebTest {

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
	void aChamberBilledForTheYear() {
		dues = DuesChamber.arrange(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc);
		dues.billed(YEAR);
	}

	@Test
	void aPartialPaymentLeavesTheMemberOverdueAndAnOverpaymentKeepsTheSurplusAsCredit() {
		long bill = dues.billOf(dues.enterprise, YEAR);
		String first = Json.createdBody(dues.pay(bill, "200", "CASH", null));
		assertThat(Json.number(first, "$.receiptNo")).isOne();
		assertThat(first).contains("贰佰元整");
		String standing = dues.standing(dues.enterprise);
		assertThat(Json.<Boolean>read(standing, "$.goodStanding")).isFalse();
		assertThat(Json.number(standing, "$.overdueFen")).isEqualTo(30000);

		String second = Json.createdBody(dues.pay(bill, "400", "BANK", "TX-2026-0001"));
		assertThat(Json.number(second, "$.receiptNo")).isEqualTo(2);
		assertThat(Json.number(second, "$.creditFen")).isEqualTo(10000);
		assertThat(second).contains("肆佰元整");
		assertThat(Json.<Boolean>read(dues.standing(dues.enterprise), "$.goodStanding")).isTrue();
	}

	@Test
	void theSameTransferRecordedAgainIsRefusedNamingTheFieldAndTheReceiptAndWritesNothing() {
		dues.paid(dues.billOf(dues.enterprise, YEAR), "200", "CASH", null);
		dues.paid(dues.billOf(dues.enterprise, YEAR), "300", "BANK", "TX-2026-0001");
		long joinerBill = dues.billOf(dues.joiner, YEAR);

		HttpResponse<String> twice = dues.pay(joinerBill, "250", "BANK", "TX-2026-0001");
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(Json.text(twice.body(), "$.detail")).contains("流水号", "TX-2026-0001", "000002");
		assertThat(Json.<List<String>>read(twice.body(), "$.errors[*].field")).containsExactly("reference");
		assertThat(entriesOf(dues.joiner)).isZero();
	}

	@Test
	void aPaymentDatedInTheFutureIsRefused() {
		HttpResponse<String> future = Api.post(port, "/api/v1/dues/bills/" + dues.billOf(dues.joiner, YEAR) + "/payments",
				dues.admin, "{\"amount\":\"250\",\"paidOn\":\"" + LocalDate.now(ChinaTime.ZONE).plusDays(1)
						+ "\",\"method\":\"CASH\"}");
		assertThat(future.statusCode()).isEqualTo(422);
		assertThat(Json.text(future.body(), "$.detail")).contains("到账日期");
		assertThat(entriesOf(dues.joiner)).isZero();
	}

	@Test
	void aWaiverNeedsItsApproverAndThenWaivesTheBillInFull() {
		long bill = dues.billOf(dues.person, YEAR);
		assertThat(Api.post(port, "/api/v1/dues/bills/" + bill + "/waivers", dues.admin, "{\"reason\":\"企业受灾\"}").body())
			.contains("批准人");
		assertThat(entriesOf(dues.person)).isZero();
		String waived = Json.createdBody(Api.post(port, "/api/v1/dues/bills/" + bill + "/waivers", dues.admin,
				"{\"reason\":\"企业受灾\",\"approver\":\"会长办公会\"}"));
		assertThat(Json.number(waived, "$.bill.waivedFen")).isEqualTo(1000000);
		assertThat(Json.number(waived, "$.bill.outstandingFen")).isZero();
	}

	@Test
	void nextYearsBillIsPaidFromCreditAndThePaymentThatLeftTheCreditCannotThenBeReversed() {
		long overpayment = dues.paid(dues.billOf(dues.enterprise, YEAR), "600", "BANK", "TX-2026-0002");
		dues.billed(YEAR + 1);

		String next = dues.bill(dues.billOf(dues.enterprise, YEAR + 1));
		assertThat(Json.number(next, "$.bill.paidFen")).isEqualTo(10000);
		assertThat(Json.<List<String>>read(next, "$.entries[*].kind")).contains("CREDIT_USE");
		HttpResponse<String> refused = Api.post(port, "/api/v1/dues/payments/" + overpayment + "/reversal", dues.admin,
				"{\"reason\":\"金额登记错误\"}");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(Json.text(refused.body(), "$.detail")).contains("抵扣");
	}

	@Test
	void aReversalIsACorrectionEntryTheBillOwesAgainAndReversingTwiceIsRefused() {
		long bill = dues.billOf(dues.enterprise, YEAR);
		long first = dues.paid(bill, "200", "CASH", null);
		dues.paid(bill, "300", "CASH", null);

		assertThat(Api.post(port, "/api/v1/dues/payments/" + first + "/reversal", dues.admin, "{\"reason\":\"重复登记\"}")
			.statusCode()).isEqualTo(201);
		String reversed = dues.bill(bill);
		assertThat(Json.number(reversed, "$.bill.paidFen")).isEqualTo(30000);
		assertThat(Json.<List<String>>read(reversed, "$.entries[*].kind")).contains("CORRECTION");
		assertThat(Api.post(port, "/api/v1/dues/payments/" + first + "/reversal", dues.admin, "{\"reason\":\"重复登记\"}")
			.body()).contains("已经冲正");
		assertThat(jdbc.sql("select count(*) from dues_entry where id = :id and amount_fen = 20000").param("id", first)
			.query(Long.class).single()).as("the payment itself is never changed").isOne();
	}

	@Test
	void theArrearsExportListsTheBillsPastDueWithWhatTheyStillOwe() {
		dues.paid(dues.billOf(dues.enterprise, YEAR), "300", "CASH", null);
		Json.createdBody(Api.post(port, "/api/v1/dues/bills/" + dues.billOf(dues.person, YEAR) + "/waivers", dues.admin,
				"{\"reason\":\"企业受灾\",\"approver\":\"会长办公会\"}"));

		var clerk = new TestAccounts(accountManagement).createIn(dues.chamber(), Role.STAFF);
		WebSession session = WebSession.signedIn(port, clerk.getUsername(), TestAccounts.PASSWORD);
		// on paper too, every bill in arrears of the filter with a column for the reminder calls
		assertThat(session.get("/dues/arrears/print?org=" + dues.chamber()).body()).contains("欠费名单", "共 1 张欠费账单",
				"石家庄华北建材有限公司", "催缴记录").doesNotContain("长安新材料有限公司");
		byte[] xlsx = session.download("/dues/arrears/export?org=" + dues.chamber());
		List<List<String>> rows = XlsxReader.read(new ByteArrayInputStream(xlsx), List.of("会员名称", "所属组织", "年度", "职务",
				"应缴（元）", "已缴（元）", "减免（元）", "欠缴（元）", "缴费期限", "逾期天数"), 100);
		// the joiner (1 July, billed today) owes ¥250 but is due 30 days after the bill: not in arrears yet
		assertThat(rows).extracting(row -> row.get(0) + " " + row.get(7)).containsExactly("石家庄华北建材有限公司 200");
	}

	@Test
	void anOverpaymentsCreditIsPaidBackButNeverMoreThanIsHeld() {
		long bill = dues.billOf(dues.enterprise, YEAR);
		assertThat(Json.number(Json.createdBody(dues.pay(bill, "600", "ALIPAY", "ALI-2027-1")), "$.creditFen"))
			.isEqualTo(10000);

		HttpResponse<String> tooMuch = Api.post(port, "/api/v1/dues/bills/" + bill + "/refunds", dues.admin,
				"{\"amount\":\"150\",\"method\":\"ALIPAY\",\"reason\":\"多缴退还\"}");
		assertThat(tooMuch.statusCode()).isEqualTo(422);
		assertThat(Json.text(tooMuch.body(), "$.detail")).contains("¥100.00");
		String refunded = Api.post(port, "/api/v1/dues/bills/" + bill + "/refunds", dues.admin,
				"{\"amount\":\"100\",\"method\":\"ALIPAY\",\"reason\":\"多缴退还\"}").body();
		assertThat(Json.<List<String>>read(refunded, "$.entries[*].kind")).contains("REFUND");
		assertThat(jdbc.sql("select sum(credit_fen) from dues_entry where membership_id = :m")
			.param("m", dues.membershipOf(dues.enterprise)).query(Long.class).single()).isZero();
	}

	private long entriesOf(long party) {
		return jdbc.sql("select count(*) from dues_entry where membership_id = :m").param("m", dues.membershipOf(party))
			.query(Long.class).single();
	}

}

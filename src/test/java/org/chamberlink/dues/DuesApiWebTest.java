package org.chamberlink.dues;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.time.LocalDate;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.XlsxReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dues through the API, a year of a chamber: schedule, billing (prorated joiner, never twice),
 * partial and over-payment with receipts, a duplicate reference refused, a waiver, credit used by
 * next year's bill, a correction, standing and the rolled-up collection rate; the neighbouring
 * chamber sees and changes none of it.
 */
@IntegrationTest
@Tag("database")
class DuesApiWebTest {

	static final int YEAR = LocalDate.now(ChinaTime.ZONE).getYear();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	OrganizationFixture fixture;

	long county;

	long chamber;

	long neighbour;

	@BeforeEach
	void organizations() {
		fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "会费测试省工商联" + System.nanoTime(), "13", null);
		county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		chamber = fixture.chamber("INDUSTRY", "长安区建材商会", "130102", county);
		long otherCounty = fixture.federation("COUNTY", "桥西区工商联", "130104", province);
		neighbour = fixture.chamber("INDUSTRY", "桥西区建材商会", "130104", otherCounty);
	}

	@Test
	void aChamberBillsItsYearRecordsPaymentsAndTheCountySeesTheRate() {
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		long enterprise = MemberFixture.enterprise(port, admin, chamber, "石家庄华北建材有限公司", MemberFixture.creditCode(),
				MemberFixture.phone());
		long person = MemberFixture.person(port, admin, chamber, "王秀英", MemberFixture.identityNumber(), MemberFixture.phone());
		long joiner = MemberFixture.created(Api.post(port, "/api/v1/members", admin, "{\"kind\":\"ENTERPRISE\",\"orgId\":"
				+ chamber + ",\"name\":\"长安新材料有限公司\",\"creditCode\":\"" + MemberFixture.creditCode()
				+ "\",\"enterpriseKind\":\"PRIVATE_ENTERPRISE\",\"industryCode\":\"13\",\"regionCode\":\"130102\""
				+ ",\"role\":\"MEMBER\",\"joinedOn\":\"" + YEAR + "-07-01\"}"));

		// a bad amount names the role and writes nothing
		HttpResponse<String> bad = Api.put(port, "/api/v1/organizations/" + chamber + "/dues-schedule", admin,
				DuesFixture.scheduleJson(YEAR, "五百"));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("会员会费：“五百”", "amounts[MEMBER]");
		assertThat(jdbc.sql("select count(*) from dues_policy where org_id = :o").param("o", chamber).query(Long.class).single())
			.isZero();
		assertThat(Api.put(port, "/api/v1/organizations/" + chamber + "/dues-schedule", admin, DuesFixture.scheduleJson(YEAR, "500"))
			.statusCode()).isEqualTo(200);

		String run = DuesFixture.bill(port, admin, chamber, YEAR);
		assertThat(run).contains("\"billsCreated\":3", "\"alreadyBilled\":0");
		// billing again creates nothing twice
		assertThat(DuesFixture.bill(port, admin, chamber, YEAR)).contains("\"billsCreated\":0", "\"alreadyBilled\":3");
		assertThat(jdbc.sql("select count(*) from dues_bill where org_id = :o").param("o", chamber).query(Long.class).single())
			.isEqualTo(3);

		long enterpriseBill = billOf(enterprise, YEAR);
		long personBill = billOf(person, YEAR);
		long joinerBill = billOf(joiner, YEAR);
		assertThat(Api.get(port, "/api/v1/dues/bills/" + joinerBill, admin).body())
			.contains("\"amountFen\":25000", "\"dueOn\":\"" + YEAR + "-07-31\""); // six months of ¥500, due 30 days after joining
		assertThat(Api.get(port, "/api/v1/dues/bills/" + personBill, admin).body()).contains("\"amountFen\":1000000");

		// a partial payment, then one that overpays: receipts numbered 1 and 2, the surplus kept as credit
		HttpResponse<String> first = Api.post(port, "/api/v1/dues/bills/" + enterpriseBill + "/payments", admin,
				DuesFixture.paymentJson("200", "CASH", null));
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(first.body()).contains("\"receiptNo\":1", "贰佰元整");
		long firstPayment = DuesFixture.number(first.body(), "entryId");
		long membership = membershipOf(enterprise);
		assertThat(Api.get(port, "/api/v1/memberships/" + membership + "/dues-standing", admin).body())
			.contains("\"goodStanding\":false", "\"overdueFen\":30000");
		HttpResponse<String> second = Api.post(port, "/api/v1/dues/bills/" + enterpriseBill + "/payments", admin,
				DuesFixture.paymentJson("400", "BANK", "TX-2026-0001"));
		assertThat(second.body()).contains("\"receiptNo\":2", "\"creditFen\":10000", "肆佰元整");
		long secondPayment = DuesFixture.number(second.body(), "entryId");
		assertThat(Api.get(port, "/api/v1/memberships/" + membership + "/dues-standing", admin).body())
			.contains("\"goodStanding\":true");

		// the same transfer recorded again is refused, naming the field and the receipt, and writes nothing
		long entries = jdbc.sql("select count(*) from dues_entry").query(Long.class).single();
		HttpResponse<String> twice = Api.post(port, "/api/v1/dues/bills/" + joinerBill + "/payments", admin,
				DuesFixture.paymentJson("250", "BANK", "TX-2026-0001"));
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(twice.body()).contains("流水号", "TX-2026-0001", "000002", "\"field\":\"reference\"");
		assertThat(jdbc.sql("select count(*) from dues_entry").query(Long.class).single()).isEqualTo(entries);
		HttpResponse<String> future = Api.post(port, "/api/v1/dues/bills/" + joinerBill + "/payments", admin,
				"{\"amount\":\"250\",\"paidOn\":\"" + LocalDate.now(ChinaTime.ZONE).plusDays(1) + "\",\"method\":\"CASH\"}");
		assertThat(future.statusCode()).isEqualTo(422);
		assertThat(future.body()).contains("到账日期");

		// a waiver needs its approver; then the person's bill is waived in full
		assertThat(Api.post(port, "/api/v1/dues/bills/" + personBill + "/waivers", admin,
				"{\"reason\":\"企业受灾\"}").body()).contains("批准人");
		assertThat(Api.post(port, "/api/v1/dues/bills/" + personBill + "/waivers", admin,
				"{\"reason\":\"企业受灾\",\"approver\":\"会长办公会\"}").statusCode()).isEqualTo(201);

		// rolled up: billed 500 + 10,000 + 250, paid 500, waived 10,000; bills 2 of 3 settled
		String expected = "\"billedFen\":1075000";
		for (long node : new long[] { chamber, county }) {
			String collection = Api.get(port, "/api/v1/organizations/" + node + "/dues-collection?year=" + YEAR,
					fixture.tokenIn(node, Role.FEDERATION_ADMIN)).body();
			assertThat(collection).contains(expected, "\"paidFen\":50000", "\"waivedFen\":1000000", "\"bills\":3",
					"\"settledBills\":2", "\"amountRate\":4.65", "\"billRate\":66.66");
		}
		assertThat(Api.get(port, "/api/v1/organizations/" + county + "/dues-collection/below?year=" + YEAR,
				fixture.tokenIn(county, Role.FEDERATION_ADMIN)).body()).contains("长安区建材商会", expected);

		// next year's bill is paid from the credit at once; the payment that left the credit can then not be reversed
		assertThat(Api.put(port, "/api/v1/organizations/" + chamber + "/dues-schedule", admin, DuesFixture.scheduleJson(YEAR + 1, "500"))
			.statusCode()).isEqualTo(200);
		DuesFixture.bill(port, admin, chamber, YEAR + 1);
		assertThat(Api.get(port, "/api/v1/dues/bills/" + billOf(enterprise, YEAR + 1), admin).body())
			.contains("\"paidFen\":10000", "CREDIT_USE");
		HttpResponse<String> refused = Api.post(port, "/api/v1/dues/payments/" + secondPayment + "/reversal", admin,
				"{\"reason\":\"金额登记错误\"}");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("抵扣");
		// the first payment is reversed by a correction entry; the bill owes ¥200 again; twice is refused
		assertThat(Api.post(port, "/api/v1/dues/payments/" + firstPayment + "/reversal", admin,
				"{\"reason\":\"重复登记\"}").statusCode()).isEqualTo(201);
		assertThat(Api.get(port, "/api/v1/dues/bills/" + enterpriseBill, admin).body())
			.contains("\"paidFen\":30000", "CORRECTION");
		assertThat(Api.post(port, "/api/v1/dues/payments/" + firstPayment + "/reversal", admin,
				"{\"reason\":\"重复登记\"}").body()).contains("已经冲正");
		assertThat(jdbc.sql("select count(*) from dues_entry where id = :id and amount_fen = 20000")
			.param("id", firstPayment).query(Long.class).single()).as("the payment itself is never changed").isOne();

		// the arrears list as Excel: the two bills past due and owing, with what they owe
		var clerk = new TestAccounts(accountManagement).createIn(chamber, Role.STAFF);
		byte[] xlsx = WebSession.signedIn(port, clerk.getUsername(), TestAccounts.PASSWORD)
			.download("/dues/arrears/export?org=" + chamber);
		List<List<String>> rows = XlsxReader.read(new ByteArrayInputStream(xlsx), List.of("会员名称", "所属组织", "年度", "职务",
				"应缴（元）", "已缴（元）", "减免（元）", "欠缴（元）", "缴费期限", "逾期天数"), 100);
		assertThat(rows).extracting(row -> row.get(0) + " " + row.get(7))
			.containsExactlyInAnyOrder("石家庄华北建材有限公司 200", "长安新材料有限公司 250");

		// an overpayment's credit is paid back, never more than is held
		long joinerNextYear = billOf(joiner, YEAR + 1);
		assertThat(Api.post(port, "/api/v1/dues/bills/" + joinerNextYear + "/payments", admin,
				DuesFixture.paymentJson("600", "ALIPAY", "ALI-2027-1")).body()).contains("\"creditFen\":10000");
		HttpResponse<String> tooMuch = Api.post(port, "/api/v1/dues/bills/" + joinerNextYear + "/refunds", admin,
				"{\"amount\":\"150\",\"method\":\"ALIPAY\",\"reason\":\"多缴退还\"}");
		assertThat(tooMuch.statusCode()).isEqualTo(422);
		assertThat(tooMuch.body()).contains("¥100.00");
		assertThat(Api.post(port, "/api/v1/dues/bills/" + joinerNextYear + "/refunds", admin,
				"{\"amount\":\"100\",\"method\":\"ALIPAY\",\"reason\":\"多缴退还\"}").body()).contains("REFUND");
		assertThat(jdbc.sql("select sum(credit_fen) from dues_entry where membership_id = :m")
			.param("m", membershipOf(joiner)).query(Long.class).single()).isZero();

		// the neighbouring chamber sees and changes none of it
		String other = fixture.tokenIn(neighbour, Role.CHAMBER_ADMIN);
		assertThat(Api.get(port, "/api/v1/dues/bills/" + enterpriseBill, other).statusCode()).isEqualTo(404);
		assertThat(Api.post(port, "/api/v1/dues/bills/" + joinerBill + "/payments", other, DuesFixture.paymentJson("250", "CASH", null))
			.statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/organizations/" + chamber + "/dues-collection?year=" + YEAR, other).statusCode())
			.isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/dues/bills?org=" + chamber, other).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/dues/bills", other).body()).contains("\"totalElements\":0");
		assertThat(Api.get(port, "/api/v1/memberships/" + membership + "/dues-standing", other).statusCode()).isEqualTo(404);
		assertThat(Api.post(port, "/api/v1/organizations/" + chamber + "/dues-billing", other,
				"{\"year\":" + YEAR + "}").statusCode()).isEqualTo(404);
	}

	private long billOf(long party, int year) {
		return jdbc.sql("select id from dues_bill where party_id = :p and year = :y").param("p", party).param("y", year)
			.query(Long.class).single();
	}

	private long membershipOf(long party) {
		return jdbc.sql("select id from membership where party_id = :p").param("p", party).query(Long.class).single();
	}

}

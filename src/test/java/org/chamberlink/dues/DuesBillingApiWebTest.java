package org.chamberlink.dues;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chamberlink.dues.DuesChamber.YEAR;

/**
 * Dues through the API, the chamber's year: a schedule, billing (prorated for a joiner, never
 * twice), the collection rate rolled up to the county; the neighbouring chamber sees and changes
 * none of it. Each test has a chamber of its own ({@link DuesChamber}).
 */
@IntegrationTest
@Tag("database")
class DuesBillingApiWebTest {

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
	void aChamberWithThreeMembers() {
		dues = DuesChamber.arrange(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc);
	}

	@Test
	void aScheduleWithABadAmountNamesTheRoleAndWritesNothing() {
		HttpResponse<String> bad = Api.put(port, "/api/v1/organizations/" + dues.chamber() + "/dues-schedule", dues.admin,
				DuesFixture.scheduleJson(YEAR, "五百"));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(Json.text(bad.body(), "$.detail")).contains("会员会费：“五百”");
		assertThat(Json.<List<String>>read(bad.body(), "$.errors[*].field")).containsExactly("amounts[MEMBER]");
		assertThat(jdbc.sql("select count(*) from dues_policy where org_id = :o").param("o", dues.chamber())
			.query(Long.class).single()).isZero();
		assertThat(Api.put(port, "/api/v1/organizations/" + dues.chamber() + "/dues-schedule", dues.admin,
				DuesFixture.scheduleJson(YEAR, "500")).statusCode()).isEqualTo(200);
	}

	@Test
	void billingCreatesOneBillPerMemberAndBillingAgainCreatesNone() {
		String run = dues.billed(YEAR);
		assertThat(Json.number(run, "$.billsCreated")).isEqualTo(3);
		assertThat(Json.number(run, "$.alreadyBilled")).isZero();

		String again = DuesFixture.bill(port, dues.admin, dues.chamber(), YEAR);
		assertThat(Json.number(again, "$.billsCreated")).isZero();
		assertThat(Json.number(again, "$.alreadyBilled")).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from dues_bill where org_id = :o").param("o", dues.chamber())
			.query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aJoinerIsBilledForTheMonthsLeftDueThirtyDaysAfterJoiningOrBillingAndEachRoleItsAmount() {
		dues.billed(YEAR);
		// six months of ¥500, due 30 days after joining (1 July) or, billed later, 30 days after the bill
		String joiner = dues.bill(dues.billOf(dues.joiner, YEAR));
		assertThat(Json.number(joiner, "$.bill.amountFen")).isEqualTo(25000);
		LocalDate issued = LocalDate.parse(Json.text(joiner, "$.bill.issuedOn"));
		LocalDate joined = LocalDate.of(YEAR, 7, 1);
		assertThat(LocalDate.parse(Json.text(joiner, "$.bill.dueOn")))
			.isEqualTo((issued.isAfter(joined) ? issued : joined).plusDays(30))
			.isAfterOrEqualTo(issued.plusDays(30));
		assertThat(Json.number(dues.bill(dues.billOf(dues.person, YEAR)), "$.bill.amountFen")).isEqualTo(1000000);
	}

	@Test
	void aProratedAmountRoundsToWholeYuanWhenThePolicySaysSo() {
		// ¥1,001 a year, six months left: ¥500.50 by the month, ¥501 rounded to whole yuan
		assertThat(Api.put(port, "/api/v1/organizations/" + dues.chamber() + "/dues-schedule", dues.admin,
				DuesFixture.scheduleJson(YEAR, "1001").replace("\"MONTHLY\"", "\"MONTHLY_YUAN\"")).statusCode())
			.isEqualTo(200);
		DuesFixture.bill(port, dues.admin, dues.chamber(), YEAR);
		assertThat(Json.number(dues.bill(dues.billOf(dues.joiner, YEAR)), "$.bill.amountFen")).isEqualTo(50100);
		assertThat(Json.number(dues.bill(dues.billOf(dues.enterprise, YEAR)), "$.bill.amountFen")).isEqualTo(100100);
	}

	@Test
	void theReceiptNamesTheClerkByNameNotBySignInName() {
		dues.billed(YEAR);
		long entry = dues.paid(dues.billOf(dues.enterprise, YEAR), "500", "CASH", null);
		String receipt = Api.get(port, "/api/v1/dues/receipts/" + entry, dues.admin).body();
		String me = Api.get(port, "/api/v1/me", dues.admin).body();
		assertThat(Json.text(receipt, "$.recordedBy")).isEqualTo(Json.text(me, "$.username"));
		assertThat(Json.text(receipt, "$.recordedByName")).isEqualTo(Json.text(me, "$.displayName")).startsWith("测试用户");
	}

	@Test
	void theCollectionRateRollsUpFromTheChamberToTheCounty() {
		dues.billed(YEAR);
		dues.paid(dues.billOf(dues.enterprise, YEAR), "500", "CASH", null);
		assertThat(Api.post(port, "/api/v1/dues/bills/" + dues.billOf(dues.person, YEAR) + "/waivers", dues.admin,
				"{\"reason\":\"企业受灾\",\"approver\":\"会长办公会\"}").statusCode()).isEqualTo(201);

		// billed 500 + 10,000 + 250, paid 500, waived 10,000; bills 2 of 3 settled
		for (long node : new long[] { dues.chamber(), dues.tree.county() }) {
			String collection = Api.get(port, "/api/v1/organizations/" + node + "/dues-collection?year=" + YEAR,
					dues.tree.token(node, Role.FEDERATION_ADMIN)).body();
			assertThat(Json.<Map<String, Object>>read(collection, "$")).containsEntry("billedFen", 1075000)
				.containsEntry("paidFen", 50000)
				.containsEntry("waivedFen", 1000000)
				.containsEntry("bills", 3)
				.containsEntry("settledBills", 2)
				.containsEntry("amountRate", 4.65)
				.containsEntry("billRate", 66.66);
		}
		String below = Api.get(port, "/api/v1/organizations/" + dues.tree.county() + "/dues-collection/below?year=" + YEAR,
				dues.tree.token(dues.tree.county(), Role.FEDERATION_ADMIN)).body();
		assertThat(Json.<List<Integer>>read(below, "$[?(@.orgId == " + dues.chamber() + ")].billedFen"))
			.containsExactly(1075000);
		assertThat(Json.<List<String>>read(below, "$[*].orgName")).singleElement().asString().startsWith("长安区建材商会");
	}

	@Test
	void theNeighbouringChamberSeesAndChangesNoneOfIt() {
		dues.billed(YEAR);
		long enterpriseBill = dues.billOf(dues.enterprise, YEAR);
		long joinerBill = dues.billOf(dues.joiner, YEAR);
		long chamber = dues.chamber();
		String other = dues.tree.token(dues.tree.neighbour(), Role.CHAMBER_ADMIN);

		assertThat(Api.get(port, "/api/v1/dues/bills/" + enterpriseBill, other).statusCode()).isEqualTo(404);
		assertThat(Api.post(port, "/api/v1/dues/bills/" + joinerBill + "/payments", other,
				DuesFixture.paymentJson("250", "CASH", null)).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/organizations/" + chamber + "/dues-collection?year=" + YEAR, other).statusCode())
			.isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/dues/bills?org=" + chamber, other).statusCode()).isEqualTo(404);
		assertThat(Json.<List<Integer>>read(Api.get(port, "/api/v1/dues/bills", other).body(), "$..totalElements"))
			.containsExactly(0);
		assertThat(Api.get(port, "/api/v1/memberships/" + dues.membershipOf(dues.enterprise) + "/dues-standing", other)
			.statusCode()).isEqualTo(404);
		assertThat(Api.post(port, "/api/v1/organizations/" + chamber + "/dues-billing", other, "{\"year\":" + YEAR + "}")
			.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from dues_entry where membership_id = :m")
			.param("m", dues.membershipOf(dues.joiner)).query(Long.class).single()).isZero();
	}

}

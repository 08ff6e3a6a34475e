package org.chamberlink.casework;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
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

/**
 * A complaint handed from the chamber to its county through the API: offered only upwards, taken
 * or declined only by the receiving side, followed by the chamber that handed it on, resolved by
 * the county with the amount recovered and counted in its figures. Each test tells its own
 * {@link Complaint}.
 */
@IntegrationTest
@Tag("database")
class CaseTransferApiWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	Complaint complaint;

	@BeforeEach
	void aChamberWithAMemberAndAClerk() {
		complaint = new Complaint(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc);
	}

	@Test
	void aCaseIsOfferedToTheCountyNotToANeighbourAndIsNotResolvedWhileOffered() {
		complaint.accepted();
		assertThat(complaint.post(complaint.admin, "/transfer",
				"{\"toOrgId\":" + complaint.tree.neighbour() + ",\"reason\":\"不属本区\"}").body()).contains("移交至");
		String offered = complaint.post(complaint.admin, "/transfer",
				"{\"toOrgId\":" + complaint.tree.county() + ",\"reason\":\"涉及行政部门，需区工商联协调\"}").body();
		assertThat(Json.text(offered, "$.caseView.transferToOrgName")).isEqualTo(complaint.tree.countyName());
		assertThat(Json.<List<String>>read(offered, "$..action")).contains("TRANSFER_OFFERED");
		assertThat(complaint.post(complaint.admin, "/resolve", "{\"outcome\":\"x\"}").body()).contains("正在移交");

		String stranger = complaint.tree.token(complaint.tree.neighbour(), Role.CHAMBER_ADMIN);
		assertThat(complaint.post(stranger, "/transfer/accept", "{}").statusCode()).isEqualTo(404);
		assertThat(offeredTo(complaint.county)).contains(complaint.id());
	}

	@Test
	void theCountyTakesTheCaseAndTheChamberThatHandedItOnFollowsButNoLongerChangesIt() {
		String taken = complaint.takenByTheCounty();
		assertThat(Json.<Map<String, Object>>read(taken, "$.caseView")).containsEntry("orgName", complaint.tree.countyName())
			.containsEntry("transfers", 1)
			.containsEntry("state", "ACCEPTED")
			.containsEntry("handlerName", null);
		assertThat(Json.<List<String>>read(taken, "$..action")).contains("TRANSFER_ACCEPTED");

		assertThat(complaint.get(complaint.admin).body()).contains("区工商联维权中心接办");
		assertThat(Json.<List<Integer>>read(Api.get(port, "/api/v1/cases", complaint.admin).body(), "$..id"))
			.contains((int) complaint.id());
		assertThat(complaint.post(complaint.admin, "/notes", "{\"comment\":\"x\"}").statusCode()).isEqualTo(404);
	}

	@Test
	void theCountyResolvesWithTheAmountRecoveredAndAResolvedCaseIsNotClosed() {
		String resolved = complaint.resolvedByTheCounty();
		assertThat(Json.text(resolved, "$.caseView.state")).isEqualTo("RESOLVED");
		assertThat(Json.number(resolved, "$.caseView.amountRecoveredFen")).isEqualTo(4800000);
		assertThat(complaint.post(complaint.county, "/close", "{\"outcome\":\"x\"}").body()).contains("案件须先受理才能结案");
	}

	@Test
	void theCountysFiguresCountTheTransferredComplaintResolvedAndRated() {
		complaint.resolvedByTheCounty();
		complaint.post(complaint.county, "/follow-up", "{\"rating\":5,\"comment\":\"满意\"}");

		String figures = Api.get(port, "/api/v1/organizations/" + complaint.tree.county() + "/case-figures",
				complaint.county).body();
		assertThat(figures).contains("\"complaints\":1", "\"resolved\":1", "\"recoveredFen\":4800000", "\"transfers\":1",
				"\"satisfactionRate\":\"100.00 %\"", "\"category\":\"ARBITRARY_CHARGES\"");
	}

	@Test
	void onlyTheReceivingSideDecidesATransferAndAnOfferedCaseIsNotRejected() {
		var tree = complaint.tree;
		String countyStaff = complaint.county;
		String admin = complaint.admin;
		long id = CaseFixture.caseId(Json.createdBody(Api.post(port, "/api/v1/cases", countyStaff,
				CaseFixture.complaintJson(tree.county(), complaint.person, "10"))));
		Api.post(port, "/api/v1/cases/" + id + "/transfer", countyStaff, "{\"toOrgId\":" + tree.chamber() + ",\"reason\":\"属地处理\"}");
		// the county cannot accept on the chamber's behalf, nor reject the case while it is offered
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/transfer/accept", countyStaff, "{}").statusCode()).isEqualTo(404);
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/reject", countyStaff, "{\"reason\":\"x\"}").body())
			.contains("正在移交");
		assertThat(offeredTo(countyStaff)).doesNotContain(id);
		assertThat(offeredTo(admin)).contains(id);
		// the chamber declines: the case stays with the county and the chamber no longer sees it
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/transfer/decline", admin, "{\"reason\":\"不属本会会员事务\"}")
			.statusCode()).isEqualTo(204);
		assertThat(Api.get(port, "/api/v1/cases/" + id, admin).statusCode()).isEqualTo(404);
		String declined = Api.get(port, "/api/v1/cases/" + id, countyStaff).body();
		assertThat(Json.<Map<String, Object>>read(declined, "$.caseView")).containsEntry("transferToOrgId", null)
			.containsEntry("orgName", tree.countyName());
		assertThat(declined).contains("TRANSFER_DECLINED", "不属本会会员事务");
		// the county's drill-down lists both chambers of the county, the one without cases too
		String below = Api.get(port, "/api/v1/organizations/" + tree.county() + "/case-figures/below", countyStaff).body();
		assertThat(Json.<List<String>>read(below, "$..orgName")).anySatisfy(name -> assertThat(name).startsWith("长安区餐饮商会"))
			.contains(tree.countyName());
	}

	private List<Long> offeredTo(String token) {
		return Json.<List<Number>>read(Api.get(port, "/api/v1/cases?offered=true", token).body(), "$.content[*].id")
			.stream().map(Number::longValue).toList();
	}

}

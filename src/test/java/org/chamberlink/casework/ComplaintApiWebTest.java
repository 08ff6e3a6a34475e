package org.chamberlink.casework;

import java.net.http.HttpResponse;
import java.util.List;

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
 * A complaint through the API at its chamber: filed with its amount, refused transitions,
 * acceptance with a handler (both told by mail through the outbox), counsel, a phone follow-up
 * rating; the neighbouring chamber sees and changes none of it. Each test tells its own
 * {@link Complaint}.
 */
@IntegrationTest
@Tag("database")
class ComplaintApiWebTest {

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
	void aComplaintWithABadAmountNamesTheFieldAndWritesNothing() {
		HttpResponse<String> bad = Api.post(port, "/api/v1/cases", complaint.admin,
				CaseFixture.complaintJson(complaint.tree.chamber(), complaint.person, "五万"));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(Json.text(bad.body(), "$.detail")).contains("涉及金额：");
		assertThat(Json.<List<String>>read(bad.body(), "$.errors[*].field")).containsExactly("amountInvolved");
		assertThat(jdbc.sql("select count(*) from service_case where party_id = :p").param("p", complaint.person)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aFiledComplaintWaitsForAcceptanceAndCannotBeResolvedBefore() {
		String filed = complaint.filed();
		assertThat(Json.text(filed, "$.caseView.state")).isEqualTo("SUBMITTED");
		assertThat(Json.number(filed, "$.caseView.amountInvolvedFen")).isEqualTo(5200000);
		assertThat(Json.<List<String>>read(filed, "$..action")).contains("FILED");

		HttpResponse<String> early = complaint.post(complaint.admin, "/resolve", "{\"outcome\":\"已退费\"}");
		assertThat(early.statusCode()).isEqualTo(422);
		assertThat(Json.text(early.body(), "$.detail")).contains("案件须先受理才能办结", "待受理");
		assertThat(state()).isEqualTo("SUBMITTED");
	}

	@Test
	void acceptanceNamesTheHandlerAndTheResolveDateAndCannotBeRepeated() {
		String accepted = complaint.accepted();
		assertThat(Json.text(accepted, "$.caseView.state")).isEqualTo("ACCEPTED");
		assertThat(Json.text(accepted, "$.caseView.handlerName")).isEqualTo(complaint.clerk.displayName());
		assertThat(Json.text(accepted, "$.caseView.resolveDueOn")).isNotBlank();

		String counsel = complaint.post(complaint.admin, "/counsel", "{\"counselName\":\"河北正律律师事务所 李律师\"}").body();
		assertThat(Json.text(counsel, "$.caseView.counselName")).isEqualTo("河北正律律师事务所 李律师");
		assertThat(Json.<List<String>>read(counsel, "$..action")).contains("COUNSEL");
		assertThat(complaint.post(complaint.admin, "/accept", "{}").body()).contains("只有待受理的案件可以受理");
	}

	@Test
	void theMemberHearsOfFilingAndAcceptanceAndTheHandlerOfTheAssignment() {
		complaint.accepted();
		assertThat(mailsTo(complaint.personEmail)).hasSize(2).anySatisfy(subject -> assertThat(subject).contains("已受理"));
		assertThat(mailsTo(complaint.clerkEmail)).singleElement().asString().contains("分派给您");
	}

	@Test
	void theNeighbouringChamberNeitherSeesNorChangesTheCase() {
		complaint.accepted();
		String stranger = complaint.tree.token(complaint.tree.neighbour(), Role.CHAMBER_ADMIN);
		assertThat(complaint.get(stranger).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/cases", stranger).body()).doesNotContain("检查收费不开票据");
		assertThat(complaint.post(stranger, "/notes", "{\"comment\":\"x\"}").statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/organizations/" + complaint.tree.county() + "/case-figures", stranger)
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aPhoneFollowUpRecordsTheMembersRatingOnce() {
		complaint.resolvedByTheCounty();
		assertThat(complaint.post(complaint.county, "/follow-up", "{\"rating\":6}").body()).contains("请选择 1 至 5 分");
		String rated = complaint.post(complaint.county, "/follow-up", "{\"rating\":5,\"comment\":\"满意\"}").body();
		assertThat(Json.number(rated, "$.caseView.rating")).isEqualTo(5);
		assertThat(Json.text(rated, "$.caseView.ratedVia")).isEqualTo("PHONE");
		assertThat(complaint.post(complaint.county, "/follow-up", "{\"rating\":3}").body()).contains("已评价过");
	}

	private String state() {
		return jdbc.sql("select state from service_case where id = :id").param("id", complaint.id()).query(String.class)
			.single();
	}

	private List<String> mailsTo(String address) {
		return jdbc.sql("select subject from notification_outbox where recipient = :to and dedup_key like :key order by id")
			.param("to", address)
			.param("key", "case:" + complaint.id() + ":%")
			.query(String.class)
			.list();
	}

}

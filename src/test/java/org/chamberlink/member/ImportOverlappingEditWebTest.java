package org.chamberlink.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.MemberWorkbooks;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import overlapping a manual edit of the same member (issue 23, decision 54). The import never
 * rewrites a known party's facts; it copies them into the membership it adds. While a staff member's
 * edit of the party's name is in flight (its transaction open), an import that adds the party to a
 * second chamber waits for the edit, and the new membership carries the edited name — not the name
 * from before the edit, which nothing would ever correct.
 */
@IntegrationTest
@Tag("database")
class ImportOverlappingEditWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void anImportWaitsForAnEditInFlightAndCopiesTheEditedFacts() throws Exception {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "导入与编辑测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		long first = fixture.chamber("INDUSTRY", "长安区物流商会", "130102", county);
		long second = fixture.chamber("INDUSTRY", "长安区电商商会", "130102", county);
		String creditCode = MemberFixture.creditCode();
		long party = MemberFixture.enterprise(port, fixture.tokenIn(first, Role.CHAMBER_ADMIN), first, "旧名物流有限公司",
				creditCode, MemberFixture.phone());
		var staff = WebSession.signedIn(port, new TestAccounts(accountManagement).createIn(second, Role.STAFF).getUsername(),
				TestAccounts.PASSWORD);
		staff.get("/members/import");
		byte[] file = MemberWorkbooks.xlsx(List.of(MemberWorkbooks.enterprise("旧名物流有限公司", creditCode, MemberFixture.phone())));

		try (Connection edit = dataSource.getConnection()) {
			edit.setAutoCommit(false);
			try (PreparedStatement rename = edit.prepareStatement("update party set name = ?, version = version + 1 where id = ?")) {
				rename.setString(1, "新名供应链有限公司");
				rename.setLong(2, party);
				assertThat(rename.executeUpdate()).isEqualTo(1);
			}
			var response = staff.postFile("/members/import", "members.xlsx", file, Map.of("orgId", Long.toString(second)));
			String location = staff.location(response);
			assertThat(location).as(response.body()).contains("/members/jobs/");
			long job = Long.parseLong(location.replaceAll(".*/", ""));
			await("the import waits for the edit").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
				.until(() -> jdbc.sql("""
						select count(*) from pg_stat_activity
						where wait_event_type = 'Lock' and query ilike '%for share of p%'
						""").query(Long.class).single() > 0);
			edit.commit();

			Map<String, Object> done = await("import job " + job).atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> jdbc.sql("select status, message from member_job where id = :id").param("id", job).query()
					.singleRow(), row -> "DONE".equals(row.get("status")) || "FAILED".equals(row.get("status")));
			assertThat(done.get("status")).as(String.valueOf(done.get("message"))).isEqualTo("DONE");
		}
		assertThat(jdbc.sql("select party_name from membership where party_id = :party and org_id = :org")
			.param("party", party).param("org", second).query(String.class).single())
			.as("the new membership copies the edited name").isEqualTo("新名供应链有限公司");
		assertThat(jdbc.sql("select party_name from membership where party_id = :party and org_id = :org")
			.param("party", party).param("org", first).query(String.class).single()).isEqualTo("新名供应链有限公司");
	}

}

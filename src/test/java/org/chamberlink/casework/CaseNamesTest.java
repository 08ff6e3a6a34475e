package org.chamberlink.casework;

import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case keeps only the organisations' and the member's ids (casework reads no other module's
 * table, decision 0029); every way of reading it names them, looked up from their modules: the
 * case, its trail, the list (searched by the member's name too) and the figures' drill-down. An
 * organisation names its region, asked of the region module.
 */
@IntegrationTest
@Tag("database")
class CaseNamesTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCaseIsShownWithItsOrganisationsAndItsMembersNames() {
		Complaint complaint = new Complaint(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc);
		String chamber = "长安区餐饮商会" + complaint.tree.tag();
		String county = complaint.tree.countyName();
		String offered = complaint.offeredToTheCounty();

		assertThat(Json.<Map<String, Object>>read(offered, "$.caseView")).containsEntry("orgName", chamber)
			.containsEntry("transferToOrgName", county)
			.containsEntry("partyName", "王建国");
		assertThat(Json.<List<String>>read(offered, "$.trail[*].orgName")).isNotEmpty().containsOnly(chamber);
		assertThat(Json.<List<String>>read(offered, "$.trail[?(@.action == 'TRANSFER_OFFERED')].targetOrgName"))
			.containsExactly(county);

		String found = Api.get(port, "/api/v1/cases?keyword=王建国", complaint.admin).body();
		assertThat(Json.<List<Number>>read(found, "$.content[*].id")).extracting(Number::longValue)
			.containsExactly(complaint.id());
		assertThat(Json.<Map<String, Object>>read(found, "$.content[0]")).containsEntry("orgName", chamber)
			.containsEntry("transferToOrgName", county)
			.containsEntry("partyName", "王建国");
		assertThat(Json.<List<Number>>read(Api.get(port, "/api/v1/cases?keyword=李四海", complaint.admin).body(),
				"$.content[*].id")).isEmpty();

		String below = Api.get(port, "/api/v1/organizations/" + complaint.tree.county() + "/case-figures/below",
				complaint.county).body();
		// the county handles none itself yet (its own row is left out), its chamber one
		assertThat(Json.<List<String>>read(below, "$[*].orgName")).containsExactly(chamber);
		assertThat(Json.<List<Number>>read(below, "$[*].cases")).extracting(Number::longValue).containsExactly(1L);

		String organizations = Api.get(port, "/api/v1/organizations?size=10", complaint.county).body();
		assertThat(Json.<List<String>>read(organizations, "$.content[*].regionName")).containsOnly("长安区");
	}

}

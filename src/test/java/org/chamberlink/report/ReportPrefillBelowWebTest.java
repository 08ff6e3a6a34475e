package org.chamberlink.report;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The county's button that opens the year's returns below it, pre-filled as of a date: offered to
 * those who may work, not to an auditor (who is also refused the step); a date outside the year comes
 * back on the form (422, typed value kept); done, the page says how many returns it opened, in
 * Chinese, and the board shows them being filled. The module page behind a cell answers as of its date.
 */
@IntegrationTest
@Tag("database")
class ReportPrefillBelowWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	WebSession session(AccountPrincipal account) {
		return WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
	}

	@Test
	void theCountyOpensTheReturnsBelowItFromItsBoard() {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("批量预填");
		int year = LocalDate.now(ChinaTime.ZONE).getYear() - 1;
		WebSession county = session(tree.account(tree.county(), Role.FEDERATION_ADMIN));
		WebSession auditor = session(tree.account(tree.county(), Role.AUDITOR));

		assertThat(county.get("/reports?year=" + year).body()).contains("data-testid=\"prefill-below\"", "为下级批量开始填报并预填");
		String audited = auditor.get("/reports?year=" + year).body();
		assertThat(audited).contains("data-testid=\"report-board\"").doesNotContain("data-testid=\"prefill-below\"");
		assertThat(auditor.postForm("/reports/returns/below", Map.of("year", Integer.toString(year), "asOf", "")).statusCode())
			.isEqualTo(403);

		String outside = (year + 1) + "-01-05";
		HttpResponse<String> refused = county.postForm("/reports/returns/below", Map.of("year", Integer.toString(year), "asOf", outside));
		Refusals.assertStepRefused(refused, "asOf", "统计截至日期应在 " + year + " 年内", outside);
		assertThat(jdbc.sql("select count(*) from report_return where org_id = :o").param("o", tree.chamber()).query(Long.class).single())
			.isZero();

		HttpResponse<String> done = county.postForm("/reports/returns/below", Map.of("year", Integer.toString(year), "asOf", ""));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(county.location(done)).endsWith("/reports?year=" + year);
		String page = county.get(county.location(done)).body();
		assertThat(page).contains("data-testid=\"prefilled-below\"", year + " 年已为下级开始填报并预填 1 份统计年报", "填报中");
		assertThat(jdbc.sql("select as_of from report_return where org_id = :o and year = :y")
			.param("o", tree.chamber())
			.param("y", year)
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(year, 12, 31));
		// once more: nothing left to open
		HttpResponse<String> again = county.postForm("/reports/returns/below", Map.of("year", Integer.toString(year), "asOf", ""));
		assertThat(county.get(county.location(again)).body()).contains(year + " 年已为下级开始填报并预填 0 份统计年报");

		// the organisation figures page behind a cell, as of the return's date
		assertThat(county.get("/figures/organizations?org=" + tree.county() + "&from=" + year + "-01-01&to=" + year + "-12-31").body())
			.contains("data-testid=\"figures-as-of\"", "截至 " + year + "-12-31");
	}

}

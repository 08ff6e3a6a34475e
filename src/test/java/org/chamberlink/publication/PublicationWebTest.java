package org.chamberlink.publication;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county's 光彩通讯 over HTTP: an issue uploaded as a PDF (a file that is not one refused, a number
 * twice refused), its distribution list (beyond the print run refused), a member of a chamber below
 * reading it in the portal (the first opening counted once), the figures, and the neighbour's staff
 * and members finding nothing of it.
 */
@IntegrationTest
class PublicationWebTest {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anIssueIsUploadedDistributedAndReadByMembers() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("会刊");
		WebSession staff = WebSession.signedIn(port, tree.account(tree.county(), Role.STAFF).getUsername(), TestAccounts.PASSWORD);
		assertThat(staff.get("/publications").statusCode()).isEqualTo(200);
		HttpResponse<String> created = staff.postForm("/publications", Map.of("orgId", String.valueOf(tree.county()), "title", "光彩通讯"));
		assertThat(created.statusCode()).isEqualTo(302);
		String path = staff.location(created);
		long id = Long.parseLong(path.replaceAll(".*/publications/(\\d+).*", "$1"));
		HttpResponse<String> twice = staff.postForm("/publications", Map.of("orgId", String.valueOf(tree.county()), "title", "光彩通讯"));
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(twice.body()).contains("本单位已有同名会刊");

		staff.get(path);
		HttpResponse<String> notPdf = staff.postFile(path + "/issues", "通讯.pdf", "<html>".getBytes(StandardCharsets.UTF_8),
				Map.of("number", "2026年第11期", "issuedOn", "2026-11-01", "printRun", "10000"));
		assertThat(notPdf.statusCode()).isEqualTo(422);
		assertThat(notPdf.body()).contains("只能上传 PDF 文件").contains("value=\"2026年第11期\"");
		assertThat(staff.postFile(path + "/issues", "光彩通讯11.pdf", PDF,
				Map.of("number", "2026年第11期", "issuedOn", "2026-11-01", "printRun", "1000")).statusCode()).isEqualTo(302);
		HttpResponse<String> again = staff.postFile(path + "/issues", "光彩通讯11.pdf", PDF,
				Map.of("number", "2026年第11期", "issuedOn", "2026-11-01", "printRun", "1000"));
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(again.body()).contains("2026年第11期 已经上传过");
		long issue = jdbc.sql("select id from publication_issue where publication_id = :p").param("p", id).query(Long.class).single();

		// the distribution list: copies per organisation, not beyond the print run
		staff.get("/publications/issues/" + issue);
		HttpResponse<String> beyond = staff.postForm("/publications/issues/" + issue + "/distribution",
				Map.of("copies" + tree.county(), "600", "copies" + tree.chamber(), "500"));
		assertThat(beyond.statusCode()).isEqualTo(422);
		assertThat(beyond.body()).contains("发放合计 1,100 份，超过印数 1,000 份").contains("value=\"600\"");
		assertThat(staff.postForm("/publications/issues/" + issue + "/distribution",
				Map.of("copies" + tree.county(), "200", "copies" + tree.chamber(), "300")).statusCode()).isEqualTo(302);

		// a member of the chamber reads it twice: one online reader
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		AccountPrincipal member = CaseFixture.memberAccount(accounts, jdbc, MemberFixture.person(port, chamberToken, tree.chamber(),
				"读者" + tree.tag(), MemberFixture.identityNumber(), MemberFixture.phone()));
		WebSession portal = WebSession.signedIn(port, member.getUsername(), TestAccounts.PASSWORD);
		assertThat(portal.get("/portal/publications").body()).contains("光彩通讯 2026年第11期");
		HttpResponse<String> pdf = portal.get("/portal/publications/issues/" + issue + "/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
		assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
		portal.get("/portal/publications/issues/" + issue + "/pdf");

		String page = staff.get(path).body();
		assertThat(page).contains("data-testid=\"figure-issues\">1<").contains("data-testid=\"figure-copies\">500<")
			.contains("data-testid=\"figure-reads\">1<");

		// the neighbour: nothing of it
		WebSession neighbour = WebSession.signedIn(port, tree.account(tree.neighbourCounty(), Role.STAFF).getUsername(),
				TestAccounts.PASSWORD);
		for (String other : java.util.List.of(path, "/publications/issues/" + issue, "/publications/issues/" + issue + "/pdf")) {
			assertThat(neighbour.get(other).statusCode()).as(other).isEqualTo(404);
		}
		assertThat(neighbour.get("/publications").body()).doesNotContain("href=\"/publications/" + id + "\"");
		AccountPrincipal outsider = CaseFixture.memberAccount(accounts, jdbc, MemberFixture.person(port,
				tree.token(tree.neighbour(), Role.CHAMBER_ADMIN), tree.neighbour(), "桥西读者" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone()));
		WebSession outsiderPortal = WebSession.signedIn(port, outsider.getUsername(), TestAccounts.PASSWORD);
		assertThat(outsiderPortal.get("/portal/publications/issues/" + issue + "/pdf").statusCode()).isEqualTo(404);
		assertThat(outsiderPortal.get("/portal/publications").body()).doesNotContain("光彩通讯 2026年第11期");
	}

}

package org.chamberlink.web;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import jakarta.servlet.ServletContext;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload the server has no room for (issue 23): the directory the container writes arriving
 * uploads to is replaced by a plain file — on the real file system — so writing the upload fails as
 * on a full disk. A case's attachment then answers 507 with the Chinese message that nothing was
 * saved, on the page and in the API, and the case has no new attachment row (nothing half-written);
 * the storage health is DOWN. With the directory back the same upload lands.
 */
@IntegrationTest
@Tag("database")
class UploadStorageWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServletContext servletContext;

	@Autowired
	StorageHealth storage;

	@Test
	void anUploadWithNoRoomAnswers507AndWritesNothing() throws Exception {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("上传空间");
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, token, tree.chamber(), "孙立平", MemberFixture.identityNumber(),
				MemberFixture.phone());
		var filed = Api.post(port, "/api/v1/cases", token, CaseFixture.complaintJson(tree.chamber(), person, "3000"));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		long id = CaseFixture.caseId(filed.body());
		WebSession staff = WebSession.signedIn(port, tree.account(tree.chamber(), Role.CHAMBER_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
		staff.get("/cases/" + id);
		byte[] pdf = "%PDF-1.4 收据".getBytes(StandardCharsets.UTF_8);

		Path uploads = ((File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
		Path away = uploads.resolveSibling(uploads.getFileName() + ".away");
		Files.move(uploads, away, StandardCopyOption.ATOMIC_MOVE);
		try {
			Files.writeString(uploads, "not a directory");
			assertThat(storage.health().getStatus()).isEqualTo(Status.DOWN);

			var page = staff.postFile("/cases/" + id + "/attachments", "收据.pdf", pdf, Map.of());
			assertThat(page.statusCode()).isEqualTo(507);
			assertThat(page.body()).contains("存储空间不足", "文件未保存");

			var api = Api.postFile(port, "/api/v1/cases/" + id + "/attachments", token, "收据.pdf", pdf);
			assertThat(api.statusCode()).isEqualTo(507);
			assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			assertThat(api.body()).contains("\"status\":507", "存储空间不足");

			assertThat(attachments(id)).as("no attachment row for a file never stored").isZero();
		}
		finally {
			Files.deleteIfExists(uploads);
			Files.move(away, uploads, StandardCopyOption.ATOMIC_MOVE);
		}

		assertThat(storage.health().getStatus()).isEqualTo(Status.UP);
		var landed = staff.postFile("/cases/" + id + "/attachments", "收据.pdf", pdf, Map.of());
		assertThat(landed.statusCode()).as(landed.body()).isEqualTo(302);
		assertThat(attachments(id)).isEqualTo(1);
	}

	private long attachments(long caseId) {
		return jdbc.sql("select count(*) from case_attachment where case_id = :id").param("id", caseId)
			.query(Long.class).single();
	}

}

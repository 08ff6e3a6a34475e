package org.chamberlink.member;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
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

/** The roster prints every member the list's filter finds, not one page of twenty, phones masked. */
@IntegrationTest
class MemberRosterPrintWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRosterPrintsEveryFilteredMemberWithPhonesMasked() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("名册");
		String admin = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		String phone = MemberFixture.phone();
		for (int i = 0; i < 25; i++) {
			MemberFixture.enterprise(port, admin, tree.chamber(), "名册企业" + i + tree.tag(), MemberFixture.creditCode(),
					i == 0 ? phone : MemberFixture.phone());
		}
		MemberFixture.enterprise(port, admin, tree.chamber(), "别的企业" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		WebSession clerk = WebSession.signedIn(port, tree.account(tree.chamber(), Role.STAFF).getUsername(),
				TestAccounts.PASSWORD);
		String list = clerk.get("/members?keyword=%E5%90%8D%E5%86%8C").body();
		assertThat(list).contains("/members/print?keyword=%E5%90%8D%E5%86%8C");

		String roster = clerk.get("/members/print?keyword=%E5%90%8D%E5%86%8C").body();
		assertThat(roster).contains("会员名册", "共 25 个会籍", "名册企业0" + tree.tag(), "名册企业24" + tree.tag())
			.doesNotContain("别的企业", phone)
			.contains(phone.substring(0, 3) + "****" + phone.substring(7));
	}

}

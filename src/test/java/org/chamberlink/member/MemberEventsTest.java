package org.chamberlink.member;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.organization.Organizations;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.MemberWorkbooks;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What other modules hear from members: a membership started (entered by staff, or a join
 * application approved), a membership ended (the member left, or a duplicate was merged), and a
 * member import as one event for all its rows.
 */
@IntegrationTest
@EnableScenarios
@Tag("database")
class MemberEventsTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MemberRegistration registration;

	@Autowired
	JoinApplications applications;

	@Autowired
	JoinApplicationDecisions decisions;

	@Autowired
	MembershipChanges changes;

	@Autowired
	MemberDuplicates duplicates;

	@Autowired
	MemberImport memberImport;

	@Autowired
	MemberJobs jobs;

	@Autowired
	Organizations organizations;

	long chamber;

	String chamberPath;

	@BeforeEach
	void aChamber() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "会员事件省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		chamber = fixture.chamber("INDUSTRY", "长安区服装商会", "130102", county);
		chamberPath = jdbc.sql("select path from organization where id = :id").param("id", chamber).query(String.class).single();
		AccountPrincipal admin = new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void enteringAMemberPublishesMembershipStarted(Scenario scenario) {
		NewMember member = new NewMember(PartyKind.ENTERPRISE, chamber, "石家庄长安服饰有限公司", MemberFixture.creditCode(),
				EnterpriseKind.PRIVATE_ENTERPRISE, "", "18", null, null, "130102", false, false, null, "",
				MemberFixture.phone(), false, "", null, MemberRole.DIRECTOR, null, "", LocalDate.of(2025, 3, 1));
		scenario.stimulate(() -> registration.register(member))
			.andWaitForEventOfType(MembershipStarted.class)
			.matching(event -> event.orgId().equals(chamber))
			.toArriveAndVerify((event, party) -> {
				assertThat(event.partyId()).isEqualTo(party);
				assertThat(event.membershipId()).isEqualTo(membershipOf(party));
				assertThat(event.orgPath()).isEqualTo(chamberPath);
				assertThat(event.role()).isEqualTo(MemberRole.DIRECTOR);
				assertThat(event.joinedOn()).isEqualTo(LocalDate.of(2025, 3, 1));
			});
	}

	@Test
	void approvingAJoinApplicationPublishesMembershipStarted(Scenario scenario) {
		String token = applications.submit(chamber, new JoinApplicationForm(PartyKind.ENTERPRISE, "长安童装有限公司",
				MemberFixture.creditCode(), EnterpriseKind.PRIVATE_ENTERPRISE, "李明", "18", "130102", "",
				MemberFixture.phone(), "申请入会"));
		Long application = applications.byToken(token).id();
		scenario.stimulate(() -> decisions.approve(application, MemberRole.MEMBER, LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE)))
			.andWaitForEventOfType(MembershipStarted.class)
			.matching(event -> event.orgId().equals(chamber))
			.toArriveAndVerify((event, party) -> {
				assertThat(event.partyId()).isEqualTo(party);
				assertThat(event.membershipId()).isEqualTo(membershipOf(party));
				assertThat(event.role()).isEqualTo(MemberRole.MEMBER);
				assertThat(event.joinedOn()).isEqualTo(LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE));
			});
	}

	@Test
	void aMemberLeavingPublishesMembershipEnded(Scenario scenario) {
		long party = MemberFixture.enterprise(port, new OrganizationFixture(port, accountManagement, tokens, jdbc)
			.tokenIn(chamber, Role.CHAMBER_ADMIN), chamber, "长安制衣有限公司", MemberFixture.creditCode(), MemberFixture.phone());
		long membership = membershipOf(party);
		LocalDate leftOn = LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE).minusDays(3);
		scenario.stimulate(() -> changes.change(membership, new MembershipChange(null, null, null, leftOn, "企业注销", null)))
			.andWaitForEventOfType(MembershipEnded.class)
			.matching(event -> event.membershipId().equals(membership))
			.toArriveAndVerify(event -> {
				assertThat(event.partyId()).isEqualTo(party);
				assertThat(event.orgId()).isEqualTo(chamber);
				assertThat(event.orgPath()).isEqualTo(chamberPath);
				assertThat(event.leftOn()).isEqualTo(leftOn);
			});
	}

	@Test
	void mergingADuplicateThatIsAMemberOfTheSameChamberEndsItsMembership(Scenario scenario) {
		String admin = new OrganizationFixture(port, accountManagement, tokens, jdbc).tokenIn(chamber, Role.CHAMBER_ADMIN);
		long survivor = MemberFixture.enterprise(port, admin, chamber, "长安鞋业有限公司", MemberFixture.creditCode(),
				MemberFixture.phone());
		long duplicate = MemberFixture.enterprise(port, admin, chamber, "长安鞋业有限公司 ", MemberFixture.creditCode(),
				MemberFixture.phone());
		long membership = membershipOf(duplicate);
		scenario.stimulate(() -> duplicates.merge(survivor, List.of(duplicate)))
			.andWaitForEventOfType(MembershipEnded.class)
			.matching(event -> event.membershipId().equals(membership))
			.toArriveAndVerify(event -> {
				assertThat(event.partyId()).isEqualTo(duplicate);
				assertThat(event.orgId()).isEqualTo(chamber);
				assertThat(event.orgPath()).isEqualTo(chamberPath);
				assertThat(event.leftOn()).isEqualTo(LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE));
			});
	}

	@Test
	void anImportPublishesOneMembershipsImportedForAllItsRows(Scenario scenario) {
		String first = MemberFixture.creditCode();
		String second = MemberFixture.creditCode();
		byte[] xlsx = MemberWorkbooks.xlsx(List.of(MemberWorkbooks.enterprise("长安纺织有限公司", first, MemberFixture.phone()),
				MemberWorkbooks.enterprise("长安印染有限公司", second, MemberFixture.phone())));
		Long job = jobs.create("IMPORT", chamber, "会员.xlsx", false);
		scenario.stimulate(() -> memberImport.importNow(job, organizations.get(chamber), xlsx, false, Locale.SIMPLIFIED_CHINESE))
			.andWaitForEventOfType(MembershipsImported.class)
			.matching(event -> event.jobId().equals(job))
			.toArriveAndVerify(event -> {
				assertThat(event.orgId()).isEqualTo(chamber);
				assertThat(event.orgPath()).isEqualTo(chamberPath);
				assertThat(event.memberships()).hasSize(2);
				assertThat(event.memberships()).extracting(MembershipsImported.Started::membershipId)
					.containsExactlyInAnyOrderElementsOf(jdbc.sql("select id from membership where org_id = :o")
						.param("o", chamber).query(Long.class).list());
				assertThat(event.memberships()).extracting(MembershipsImported.Started::partyId)
					.containsExactlyInAnyOrderElementsOf(jdbc.sql(
							"select id from party where credit_code in (:codes)").param("codes", List.of(first, second))
						.query(Long.class).list());
				assertThat(event.memberships()).allSatisfy(started -> {
					assertThat(started.role()).isEqualTo(MemberRole.MEMBER);
					assertThat(started.joinedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
				});
			});
	}

	private long membershipOf(long party) {
		return jdbc.sql("select id from membership where party_id = :p").param("p", party).query(Long.class).single();
	}

}

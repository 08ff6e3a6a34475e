package org.chamberlink.honour;

import java.time.LocalDate;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** What the points ledger (to come) hears from honours: {@link HonourAwarded} on an award, {@link HonourRevoked} on its revocation. */
@IntegrationTest
@EnableScenarios
@Tag("database")
class HonourEventsTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HonourProgrammes programmes;

	@Autowired
	HonourNominations nominations;

	@Autowired
	HonourAwards awards;

	HonourScene scene;

	AccountPrincipal cityStaff;

	@BeforeEach
	void plant() {
		scene = HonourScene.plant(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc, "表彰事件");
		cityStaff = scene.account(scene.city(), Role.STAFF);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void awardingPublishesHonourAwardedAndRevokingHonourRevoked(Scenario scenario) {
		long membership = scene.enterprise("事件");
		HonourScene.signIn(cityStaff);
		Long programme = programmes.create(ProgrammeForm.of(scene.city(), "光彩之星" + scene.tree().tag(), 2026, HonourLevel.CITY));
		HonourScene.signIn(scene.account(scene.county(), Role.STAFF));
		Long nomination = nominations.nominate(new NominationForm(programme, HonourLevel.CITY, scene.county(), membership, "光彩事业", null));
		HonourScene.signIn(cityStaff);
		nominations.accept(nomination, 1);
		nominations.publishNotice(programme, HonourLevel.CITY);
		Long[] award = new Long[1];
		scenario.stimulate(() -> award[0] = awards.award(nomination))
			.andWaitForEventOfType(HonourAwarded.class)
			.matching(event -> event.programmeId().equals(programme))
			.toArriveAndVerify(event -> {
				assertThat(event.level()).isEqualTo(HonourLevel.CITY);
				assertThat(event.cycle()).isEqualTo(2026);
				assertThat(event.membershipId()).isEqualTo(membership);
				assertThat(event.partyId()).isEqualTo(scene.partyOf(membership));
				assertThat(event.awardingOrgId()).isEqualTo(scene.city());
				assertThat(event.awardedOn()).isEqualTo(LocalDate.now(ChinaTime.ZONE));
			});
		scenario.stimulate(() -> awards.revoke(award[0], "事迹不实"))
			.andWaitForEventOfType(HonourRevoked.class)
			.matching(event -> event.awardId().equals(award[0]))
			.toArriveAndVerify(event -> {
				assertThat(event.reason()).isEqualTo("事迹不实");
				assertThat(event.membershipId()).isEqualTo(membership);
			});
	}

}

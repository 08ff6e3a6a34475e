package org.chamberlink.points;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.honour.HonourAwards;
import org.chamberlink.honour.HonourLevel;
import org.chamberlink.honour.HonourNominations;
import org.chamberlink.honour.HonourProgrammes;
import org.chamberlink.honour.HonourScene;
import org.chamberlink.honour.NominationForm;
import org.chamberlink.honour.ProgrammeForm;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;
import org.chamberlink.welfare.CampaignKind;
import org.chamberlink.welfare.DonationPledges;
import org.chamberlink.welfare.DonationReceipts;
import org.chamberlink.welfare.Donations;
import org.chamberlink.welfare.HelpKind;
import org.chamberlink.welfare.Pairings;
import org.chamberlink.welfare.Projects;
import org.chamberlink.welfare.ReliefStatus;
import org.chamberlink.welfare.Villages;
import org.junit.jupiter.api.AfterEach;
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
 * Welfare and honours earn points (decision 36): a donation received credits the organisation
 * whose campaign received a member's gift and a correction takes it back; a pairing's project
 * earns once for the responsible federation and each chamber of the pairing, however many
 * payments; an honour credits the awardee's chamber and revoking it takes the points back; the
 * back-fill finds the same occurrences, so it writes nothing twice and skips what was undone.
 */
@IntegrationTest
@EnableScenarios
@Tag("database")
class PointWelfareAndHonourEventsTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PointRules rules;

	@Autowired
	PointBackfill backfill;

	@Autowired
	Villages villages;

	@Autowired
	Pairings pairings;

	@Autowired
	Projects projects;

	@Autowired
	Donations donations;

	@Autowired
	DonationPledges donationPledges;

	@Autowired
	DonationReceipts donationReceipts;

	@Autowired
	HonourProgrammes programmes;

	@Autowired
	HonourNominations nominations;

	@Autowired
	HonourAwards awards;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aDonationCreditsTheCampaignsOrganisationAndItsCorrectionTakesItBack(Scenario scenario) {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("积分捐赠");
		long donor = MemberFixture.enterprise(port, tree.token(tree.chamber(), Role.CHAMBER_ADMIN), tree.chamber(),
				"捐赠企业" + tree.tag(), MemberFixture.creditCode(), MemberFixture.phone());
		signIn(tree.account(tree.province(), Role.FEDERATION_ADMIN));
		Long rule = rule(tree.province(), PointAction.DONATION_GIVEN, 2, PointLevel.COUNTY);
		signIn(tree.account(tree.county(), Role.STAFF));
		Long campaign = donations.create(new Donations.CampaignForm(tree.county(), CampaignKind.DISASTER, "救灾" + tree.tag(), "100000",
				null, null));
		Long kept = donationPledges.pledge(campaign, new DonationPledges.PledgeForm(donor, null, null, "5000", null, null, null, true));
		Long corrected = donationPledges.pledge(campaign, new DonationPledges.PledgeForm(donor, null, null, "3000", null, null, null, true));
		Long[] receipts = new Long[2];
		scenario.stimulate(() -> {
			receipts[0] = donationReceipts.receive(kept, new DonationReceipts.ReceiptForm(null, "5000", null, null));
			receipts[1] = donationReceipts.receive(corrected, new DonationReceipts.ReceiptForm(null, "3000", null, null));
		}).andWaitForStateChange(() -> total(tree.county()), points -> points == 4).andVerify(points -> {
			assertThat(entries("DONATION", receipts[0])).containsExactly("AWARD 2");
			assertThat(entries("DONATION", receipts[1])).containsExactly("AWARD 2");
		});
		scenario.stimulate(() -> donationReceipts.correctReceipt(receipts[1], "金额有误"))
			.andWaitForStateChange(() -> entries("DONATION", receipts[1]), list -> list.size() == 2)
			.andVerify(list -> {
				assertThat(list).containsExactly("AWARD 2", "REVERSAL -2");
				assertThat(total(tree.county())).isEqualTo(2);
			});

		// a rule made afterwards, back-filled: the receipt that stands, not the corrected one nor the correction
		signIn(tree.account(tree.province(), Role.FEDERATION_ADMIN));
		Long later = rule(tree.province(), PointAction.DONATION_GIVEN, 3, PointLevel.COUNTY);
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		assertThat(backfill.run(later, today.minusDays(7), today)).isEqualTo(1);
		assertThat(backfill.run(later, today.minusDays(7), today)).as("run twice, written once").isZero();
		assertThat(backfill.run(rule, today.minusDays(7), today)).as("the events' awards are the same occurrences").isZero();
		assertThat(total(tree.county())).isEqualTo(5);
	}

	@Test
	void aProjectDeliveringMoneyEarnsOnceForTheResponsibleFederationAndEachChamberOfThePairing(Scenario scenario) {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("积分帮扶");
		long enterprise = MemberFixture.enterprise(port, tree.token(tree.chamber(), Role.CHAMBER_ADMIN), tree.chamber(),
				"帮扶企业" + tree.tag(), MemberFixture.creditCode(), MemberFixture.phone());
		String township = jdbc.sql("select code from region where level = 'TOWNSHIP' and code like '130102%' order by code limit 1")
			.query(String.class).single();
		signIn(tree.account(tree.province(), Role.FEDERATION_ADMIN));
		rule(tree.province(), PointAction.WELFARE_DELIVERED, 10, PointLevel.COUNTY);
		Long chamberRule = rule(tree.province(), PointAction.WELFARE_DELIVERED, 6, PointLevel.CHAMBER);
		signIn(tree.account(tree.county(), Role.STAFF));
		Long village = villages.add(new Villages.VillageForm(tree.county(), township, "积分村" + tree.tag(), null, ReliefStatus.LIFTED));
		Long pairing = pairings.create(new Pairings.PairingForm(tree.county(), village, List.of(enterprise), List.of(tree.chamber()),
				null, null, List.of(HelpKind.INDUSTRY), null));
		Long project = projects.create(pairing, new Projects.ProjectForm("食用菌大棚", HelpKind.INDUSTRY, "50,000", null, 5, 80, null));
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		scenario.stimulate(() -> {
			projects.pay(project, new Projects.PaymentForm(today.minusDays(1), "20000", "第一笔"));
			projects.pay(project, new Projects.PaymentForm(today, "10000", "第二笔"));
		}).andWaitForStateChange(() -> entries("WELFARE_PROJECT", project), list -> list.size() == 2).andVerify(list -> {
			assertThat(list).containsExactlyInAnyOrder("AWARD 10", "AWARD 6");
			assertThat(total(tree.county())).isEqualTo(10);
			assertThat(total(tree.chamber())).isEqualTo(6);
		});
		signIn(tree.account(tree.province(), Role.FEDERATION_ADMIN));
		assertThat(backfill.run(chamberRule, today.minusDays(7), today)).as("the event's occurrence").isZero();
	}

	@Test
	void anHonourCreditsTheAwardeesChamberAndRevokingItTakesThePointsBack(Scenario scenario) {
		HonourScene scene = HonourScene.plant(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc, "积分表彰");
		long membership = scene.enterprise("积分");
		signIn(scene.account(scene.tree().province(), Role.FEDERATION_ADMIN));
		rule(scene.tree().province(), PointAction.HONOUR_AWARDED, 5, PointLevel.CHAMBER);
		AccountPrincipal cityStaff = scene.account(scene.city(), Role.STAFF);
		signIn(cityStaff);
		Long programme = programmes.create(ProgrammeForm.of(scene.city(), "诚信之星" + scene.tree().tag(), 2026, HonourLevel.CITY));
		signIn(scene.account(scene.county(), Role.STAFF));
		Long nomination = nominations.nominate(new NominationForm(programme, HonourLevel.CITY, scene.county(), membership, "诚信经营",
				null));
		signIn(cityStaff);
		nominations.accept(nomination, 1);
		nominations.publishNotice(programme, HonourLevel.CITY);
		Long[] award = new Long[1];
		scenario.stimulate(() -> award[0] = awards.award(nomination))
			.andWaitForStateChange(() -> total(scene.chamber()), points -> points == 5)
			.andVerify(points -> assertThat(entries("HONOUR", award[0])).containsExactly("AWARD 5"));
		scenario.stimulate(() -> awards.revoke(award[0], "事迹不实"))
			.andWaitForStateChange(() -> entries("HONOUR", award[0]), list -> list.size() == 2)
			.andVerify(list -> {
				assertThat(list).containsExactly("AWARD 5", "REVERSAL -5");
				assertThat(total(scene.chamber())).isZero();
			});
	}

	private Long rule(long organiser, PointAction action, int points, PointLevel level) {
		return rules.create(new PointRuleForm(organiser, action.name() + points + level, PointCategory.RURAL_REVITALISATION, action, points,
				null, level));
	}

	private long total(long org) {
		return jdbc.sql("select coalesce(sum(points), 0) from point_total where org_id = :org").param("org", org)
			.query(Long.class).single();
	}

	private List<String> entries(String type, long source) {
		return jdbc.sql("select kind || ' ' || points from point_entry where source_type = :type and source_id = :id order by id")
			.param("type", type)
			.param("id", source)
			.query(String.class)
			.list();
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}

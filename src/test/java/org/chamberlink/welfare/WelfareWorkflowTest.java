package org.chamberlink.welfare;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;
import org.chamberlink.welfare.DonationPledges.PledgeForm;
import org.chamberlink.welfare.DonationReceipts.ReceiptForm;
import org.chamberlink.welfare.Donations.CampaignForm;
import org.chamberlink.welfare.Pairings.AdviserForm;
import org.chamberlink.welfare.Pairings.PairingForm;
import org.chamberlink.welfare.Projects.PaymentForm;
import org.chamberlink.welfare.Projects.ProjectForm;
import org.chamberlink.welfare.Villages.VillageForm;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Public welfare end to end against PostgreSQL: villages (duplicates and regions refused), a
 * pairing of two member enterprises, an adviser who must be a person, a project's money delivered
 * in payments (over-commitment flagged), the county's figures, a donation campaign's pledges,
 * receipts and thank-you roll, corrections as new entries, the neighbour kept out, and the events
 * {@link PairingProjectDelivered} and {@link DonationReceived}.
 */
@IntegrationTest
@EnableScenarios
@Tag("database")
class WelfareWorkflowTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

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
	DonationTransfers donationTransfers;

	@Autowired
	DonorTotals donorTotals;

	@Autowired
	Agreements agreements;

	@Autowired
	Figures figures;

	@Autowired
	org.chamberlink.casework.VisitWorkflow visitWorkflow;

	TestTree tree;

	long first;

	long second;

	long person;

	String township;

	String neighbourTownship;

	@BeforeEach
	void aCountyWithMembers() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("光彩");
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		first = MemberFixture.enterprise(port, token, tree.chamber(), "帮扶甲企业" + tree.tag(), MemberFixture.creditCode(), MemberFixture.phone());
		second = MemberFixture.enterprise(port, token, tree.chamber(), "帮扶乙企业" + tree.tag(), MemberFixture.creditCode(), MemberFixture.phone());
		person = MemberFixture.person(port, token, tree.chamber(), "顾问" + tree.tag(), MemberFixture.identityNumber(), MemberFixture.phone());
		township = jdbc.sql("select code from region where level = 'TOWNSHIP' and code like '130102%' order by code limit 1")
			.query(String.class).single();
		neighbourTownship = jdbc.sql("select code from region where level = 'TOWNSHIP' and code like '130104%' order by code limit 1")
			.query(String.class).single();
		signIn(tree.account(tree.county(), Role.STAFF));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aVillageIsPairedAdvisedAndHelpedAndTheCountyFiguresCountIt(Scenario scenario) {
		Long village = villages.add(new VillageForm(tree.county(), township, "光彩村" + tree.tag(), null, ReliefStatus.LIFTED));
		assertRefused(() -> villages.add(new VillageForm(tree.county(), township, "光彩村" + tree.tag(), null, ReliefStatus.OTHER)),
				"name", "welfare.village.duplicate");
		assertRefused(() -> villages.add(new VillageForm(tree.county(), neighbourTownship, "邻区村" + tree.tag(), null, ReliefStatus.OTHER)),
				"townshipCode", "welfare.village.outsideRegion");
		assertRefused(() -> villages.add(new VillageForm(tree.county(), township, "代码村" + tree.tag(), "12345", ReliefStatus.OTHER)),
				"statCode", "welfare.village.codeInvalid");

		Long pairing = pairings.create(new PairingForm(tree.county(), village, List.of(first, second), List.of(), null, null,
				List.of(HelpKind.INDUSTRY, HelpKind.EMPLOYMENT), null));
		assertThat(pairings.get(pairing).helperNames()).hasSize(2);
		assertRefused(() -> pairings.create(new PairingForm(tree.county(), village, List.of(person), List.of(), null, null,
				List.of(HelpKind.INDUSTRY), null)), "partyIds", "welfare.pairing.notEnterprise");
		assertRefused(() -> pairings.appoint(village, new AdviserForm(first, null, null)), "partyId", "welfare.adviser.notPerson");
		pairings.appoint(village, new AdviserForm(person, null, null));

		Long project = projects.create(pairing, new ProjectForm("核桃加工厂", HelpKind.INDUSTRY, "50,000", null, 12, 300, null));
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		scenario.stimulate(() -> projects.pay(project, new PaymentForm(today.minusDays(1), "20000", "第一笔")))
			.andWaitForEventOfType(PairingProjectDelivered.class)
			.matching(event -> event.projectId().equals(project))
			.toArriveAndVerify(event -> {
				assertThat(event.amountFen()).isEqualTo(2_000_000);
				assertThat(event.partyIds()).containsExactlyInAnyOrder(first, second);
				assertThat(event.orgId()).isEqualTo(tree.county());
				assertThat(event.overCommitted()).isFalse();
			});
		projects.pay(project, new PaymentForm(today, "¥10,000.00", null));
		assertRefused(() -> projects.pay(project, new PaymentForm(today, "-5", null)), "amount", "welfare.money.positive");
		// a progress photo is judged by its bytes: a page calling itself a PNG is refused, a real PNG kept as one
		assertRefused(() -> projects.report(project, today, "进展", "x.png", "image/png",
				"<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "photo",
				"welfare.photo.notImage");
		byte[] png = java.util.Base64.getDecoder().decode(
				"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
		Long report = projects.report(project, today, "厂房封顶", "site.jpg", "image/jpeg", png);
		assertThat(projects.photo(report).orElseThrow().type()).isEqualTo("image/png");
		assertThat(projects.get(project).deliveredFen()).isEqualTo(3_000_000);
		assertThat(projects.get(project).overCommitted()).isFalse();

		FigurePeriod year = FigurePeriod.thisYear(today);
		assertThat(figures.value("welfare.enterprises", tree.county(), year).value()).isEqualByComparingTo("2");
		assertThat(figures.value("welfare.villages", tree.county(), year).value()).isEqualByComparingTo("1");
		assertThat(figures.value("welfare.advisers", tree.county(), year).value()).isEqualByComparingTo("1");
		assertThat(figures.value("welfare.delivered", tree.county(), year).value()).isEqualByComparingTo("3000000");
		assertThat(figures.value("welfare.committed", tree.county(), year).value()).isEqualByComparingTo("5000000");
		assertThat(figures.value("welfare.peopleEmployed", tree.county(), year).value()).isEqualByComparingTo("12");
		// the county itself is involved (responsible) and both enterprises: 3 of the county's 2 organisations and 2 enterprises
		assertThat(figures.value("welfare.participation", tree.county(), year).value()).isEqualByComparingTo("75");

		// more than committed: written, and flagged
		projects.pay(project, new PaymentForm(today, "30000", null));
		assertThat(projects.get(project).overCommitted()).isTrue();
		// a correction is a new entry of the opposite amount; the first stays as it was
		Long last = projects.payments(project).get(2).id();
		projects.correct(last, "重复登记");
		assertThat(projects.payments(project)).extracting(Projects.Payment::amountFen).containsExactly(2_000_000L, 1_000_000L, 3_000_000L,
				-3_000_000L);
		assertRefused(() -> projects.correct(last, "再次更正"), "reason", "welfare.payment.alreadyCorrected");

		// the neighbouring county sees none of it
		signIn(tree.account(tree.neighbourCounty(), Role.STAFF));
		assertThat(villages.find(village)).isEmpty();
		assertThat(pairings.find(pairing)).isEmpty();
		assertThat(projects.find(project)).isEmpty();
		assertThatThrownBy(() -> projects.pay(project, new PaymentForm(today, "1", null))).isInstanceOf(RecordNotFoundException.class);
		// its own village with the same statistical code is its own business: nothing of the county's is revealed
		villages.add(new VillageForm(tree.neighbourCounty(), neighbourTownship, "邻区村" + tree.tag(), neighbourTownship + "001", ReliefStatus.OTHER));
	}

	@Test
	void aPairingWithAVillageOutsideTheResponsibleOrganisationsRegionIsRefused() {
		signIn(tree.account(tree.province(), Role.STAFF));
		Long village = villages.add(new VillageForm(tree.province(), neighbourTownship, "桥西村" + tree.tag(), null, ReliefStatus.KEY_SUPPORT));
		long before = jdbc.sql("select count(*) from welfare_pairing").query(Long.class).single();
		assertRefused(() -> pairings.create(new PairingForm(tree.county(), village, List.of(first), List.of(), null, null,
				List.of(HelpKind.EDUCATION), null)), "villageId", "welfare.pairing.outsideRegion");
		assertThat(jdbc.sql("select count(*) from welfare_pairing").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aCampaignTakesPledgesAndReceiptsAndItsRollNamesOnlyDonorsWhoAgreed(Scenario scenario) {
		Long campaign = donations.create(new CampaignForm(tree.county(), CampaignKind.DISASTER, "抗震救灾" + tree.tag(), "100000", null, null));
		assertRefused(() -> donationPledges.pledge(campaign, new PledgeForm(first, null, null, "0", null, null, null, true)), "money",
				"welfare.money.positive");
		assertRefused(() -> donationPledges.pledge(campaign, new PledgeForm(first, null, null, "-100", null, null, null, true)), "money",
				"welfare.money.positive");
		Long agreed = donationPledges.pledge(campaign, new PledgeForm(first, null, null, "5000", null, null, null, true));
		Long quiet = donationPledges.pledge(campaign, new PledgeForm(second, null, null, "3000", null, null, null, false));
		assertThatThrownBy(() -> donationReceipts.receive(-1L, new ReceiptForm(null, "100", null, null)))
			.isInstanceOf(RecordNotFoundException.class);
		scenario.stimulate(() -> donationReceipts.receive(agreed, new ReceiptForm(null, "5000", null, null)))
			.andWaitForEventOfType(DonationReceived.class)
			.matching(event -> event.campaignId().equals(campaign))
			.toArriveAndVerify(event -> {
				assertThat(event.donorPartyId()).isEqualTo(first);
				assertThat(event.moneyFen()).isEqualTo(500_000);
				assertThat(event.number()).startsWith("JZ" + LocalDate.now(ChinaTime.ZONE).getYear());
			});
		donationReceipts.receive(quiet, new ReceiptForm(null, "3000", null, null));
		assertThat(donations.get(campaign).receivedFen()).isEqualTo(800_000);
		assertThat(donorTotals.rollUnscoped(campaign)).as("not published yet").isEmpty();
		donations.publishRoll(campaign, true);
		assertThat(donorTotals.rollUnscoped(campaign).orElseThrow().donors()).extracting(DonorTotals.DonorTotal::donorName)
			.containsExactly("帮扶甲企业" + tree.tag());
		// a receipt corrected is a new numbered receipt of the opposite amount
		Long receipt = donationReceipts.receipts(campaign).get(1).id();
		donationReceipts.correctReceipt(receipt, "金额有误");
		assertThat(donations.get(campaign).receivedFen()).isEqualTo(500_000);
		assertThat(donationReceipts.receipts(campaign)).hasSize(3);

		signIn(tree.account(tree.neighbourCounty(), Role.STAFF));
		assertThat(donations.find(campaign)).isEmpty();
		assertThatThrownBy(() -> donationReceipts.receive(agreed, new ReceiptForm(null, "1", null, null)))
			.isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void aSupportAgreementRecordsVisitsAndItsOutcome() {
		Long agreement = agreements.sign(new Agreements.AgreementForm(tree.county(), person, "稳定增收", "张干事", null, null));
		agreements.visit(agreement, LocalDate.now(ChinaTime.ZONE), "张干事", "入户走访");
		agreements.close(agreement, "年收入增长三成");
		assertThat(agreements.get(agreement).status()).isEqualTo("CLOSED");
		assertThat(agreements.visits(agreement)).hasSize(1);
		assertRefused(() -> agreements.close(agreement, "再次"), "outcome", "welfare.agreement.closed");
	}

	@Test
	void pledgesAndReceiptsAfterTheCampaignsEndAreRefusedWithNothingWritten() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		Long campaign = donations.create(new CampaignForm(tree.county(), CampaignKind.EDUCATION, "助学" + tree.tag(), null,
				today.minusDays(30), today.minusDays(10)));
		long pledgesBefore = count("welfare_pledge", campaign);
		assertRefused(() -> donationPledges.pledge(campaign, new PledgeForm(first, null, null, "1000", null, null, null, true)), "pledgedOn",
				"welfare.campaign.ended");
		assertRefused(() -> donationPledges.pledge(campaign, new PledgeForm(first, null, null, "1000", null, null, today.minusDays(9), true)),
				"pledgedOn", "welfare.campaign.ended");
		assertThat(count("welfare_pledge", campaign)).isEqualTo(pledgesBefore);
		// pledged within the period: taken, and received within it; received after the end: refused
		Long pledge = donationPledges.pledge(campaign, new PledgeForm(first, null, null, "1000", null, null, today.minusDays(20), true));
		long receiptsBefore = count("welfare_receipt", campaign);
		assertRefused(() -> donationReceipts.receive(pledge, new ReceiptForm(null, "1000", null, null)), "receivedOn", "welfare.campaign.ended");
		assertRefused(() -> donationReceipts.receive(pledge, new ReceiptForm(today.minusDays(9), "1000", null, null)), "receivedOn",
				"welfare.campaign.ended");
		assertThat(count("welfare_receipt", campaign)).isEqualTo(receiptsBefore);
		Long receipt = donationReceipts.receive(pledge, new ReceiptForm(today.minusDays(10), "1000", null, null));
		// a correction after the end is still a correction: money is never edited, and a wrong entry stays correctable
		donationReceipts.correctReceipt(receipt, "金额有误");
		assertThat(donations.get(campaign).receivedFen()).isZero();
		// a future pledge date is refused too
		Long open = donations.create(new CampaignForm(tree.county(), CampaignKind.OTHER, "常设" + tree.tag(), null, null, null));
		assertRefused(() -> donationPledges.pledge(open, new PledgeForm(first, null, null, "1", null, null, today.plusDays(1), true)), "pledgedOn",
				"welfare.date.future");
	}

	@Test
	void everyWelfareChangeIsInTheAuditLog() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		Long village = villages.add(new VillageForm(tree.county(), township, "审计村" + tree.tag(), null, ReliefStatus.OTHER));
		Long pairing = pairings.create(new PairingForm(tree.county(), village, List.of(first), List.of(tree.chamber()), null, null,
				List.of(HelpKind.EDUCATION), null));
		Long adviser = pairings.appoint(village, new AdviserForm(person, null, null));
		Long project = projects.create(pairing, new ProjectForm("助学项目", HelpKind.EDUCATION, "1000", null, null, null, null));
		Long payment = projects.pay(project, new PaymentForm(today, "500", null));
		Long correction = projects.correct(payment, "重复登记");
		projects.report(project, today, "已开课", null, null, null);
		projects.complete(project, today);
		pairings.end(pairing, today);
		Long campaign = donations.create(new CampaignForm(tree.county(), CampaignKind.DISASTER, "审计捐赠" + tree.tag(), null, null, null));
		Long pledge = donationPledges.pledge(campaign, new PledgeForm(first, null, null, "800", null, null, null, true));
		Long receipt = donationReceipts.receive(pledge, new ReceiptForm(null, "800", null, null));
		Long receiptCorrection = donationReceipts.correctReceipt(receipt, "金额有误");
		Long transfer = donationTransfers.transfer(campaign, new DonationTransfers.TransferForm("灾区红十字会", "300", null, "救灾物资"), null, null, null);
		Long transferCorrection = donationTransfers.correctTransfer(transfer, "收款单位有误");
		assertRefused(() -> donationTransfers.correctTransfer(transfer, "再次"), "reason", "welfare.payment.alreadyCorrected");
		assertThat(donationTransfers.transfers(campaign)).extracting(DonationTransfers.Transfer::amountFen).containsExactly(30_000L, -30_000L);
		assertThat(donations.get(campaign).transferredFen()).isZero();
		donations.publishRoll(campaign, true);
		donations.publishRoll(campaign, false);
		Long agreement = agreements.sign(new Agreements.AgreementForm(tree.county(), person, "稳定增收", "张干事", null, null));
		agreements.visit(agreement, today, "张干事", null);
		agreements.close(agreement, "达成");

		assertThat(actions("WelfareVillage", village)).containsExactly("WELFARE_VILLAGE_ADDED");
		assertThat(actions("WelfarePairing", pairing)).containsExactly("WELFARE_PAIRING_CREATED", "WELFARE_PAIRING_ENDED");
		assertThat(actions("WelfareAdviser", adviser)).containsExactly("WELFARE_ADVISER_APPOINTED");
		assertThat(actions("WelfareProject", project)).containsExactly("WELFARE_PROJECT_CREATED", "WELFARE_PROGRESS_REPORTED",
				"WELFARE_PROJECT_COMPLETED");
		assertThat(actions("WelfarePayment", payment)).containsExactly("WELFARE_PAYMENT_RECORDED");
		assertThat(actions("WelfarePayment", correction)).containsExactly("WELFARE_PAYMENT_CORRECTED");
		assertThat(actions("WelfareCampaign", campaign)).containsExactly("WELFARE_CAMPAIGN_CREATED", "WELFARE_ROLL_PUBLISHED",
				"WELFARE_ROLL_WITHDRAWN");
		assertThat(actions("WelfarePledge", pledge)).containsExactly("WELFARE_PLEDGE_RECORDED");
		assertThat(actions("WelfareReceipt", receipt)).containsExactly("WELFARE_RECEIPT_ISSUED");
		assertThat(actions("WelfareReceipt", receiptCorrection)).containsExactly("WELFARE_RECEIPT_CORRECTED");
		assertThat(actions("WelfareTransfer", transfer)).containsExactly("WELFARE_TRANSFER_RECORDED");
		assertThat(actions("WelfareTransfer", transferCorrection)).containsExactly("WELFARE_TRANSFER_CORRECTED");
		assertThat(actions("WelfareAgreement", agreement)).containsExactly("WELFARE_AGREEMENT_SIGNED", "WELFARE_AGREEMENT_VISITED",
				"WELFARE_AGREEMENT_CLOSED");
		// every entry names the organisation responsible (the audit page's scope) and says what happened in words
		assertThat(jdbc.sql("select count(*) from audit_log where (entity_type, entity_id) in (('WelfareVillage', :v), ('WelfarePairing', :p),"
				+ " ('WelfareProject', :j), ('WelfareCampaign', :c), ('WelfareAgreement', :a))"
				+ " and (org_id is distinct from :county or summary is null or summary = '')")
			.param("v", String.valueOf(village)).param("p", String.valueOf(pairing)).param("j", String.valueOf(project))
			.param("c", String.valueOf(campaign)).param("a", String.valueOf(agreement))
			.param("county", tree.county()).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select summary from audit_log where entity_type = 'WelfarePayment' and entity_id = :id")
			.param("id", String.valueOf(correction)).query(String.class).single()).contains("-¥500.00", "重复登记");
	}

	@Test
	void aSupportAgreementShowsCaseworksVisitsToItsMemberDuringItsTerm() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		Long agreement = agreements.sign(new Agreements.AgreementForm(tree.county(), person, "稳定增收", "张干事", today.minusMonths(1), null));
		assertThat(agreements.caseworkVisits(agreement)).isEmpty();
		int quarter = (today.getMonthValue() - 1) / 3 + 1;
		Long visit = visitWorkflow.plan(tree.county(), person, today.getYear(), quarter, "李干事", "了解帮扶进展");
		assertThat(agreements.caseworkVisits(agreement)).extracting(org.chamberlink.casework.VisitView::id).containsExactly(visit);
		visitWorkflow.complete(visit, today, "经营好转", List.of());
		assertThat(agreements.caseworkVisits(agreement)).singleElement()
			.satisfies(v -> assertThat(v.findings()).isEqualTo("经营好转"));
		// another member's agreement does not show them
		Long other = agreements.sign(new Agreements.AgreementForm(tree.county(), first, "扩大就业", "张干事", null, null));
		assertThat(agreements.caseworkVisits(other)).isEmpty();
	}

	private List<String> actions(String type, Long id) {
		return jdbc.sql("select action from audit_log where entity_type = :type and entity_id = :id order by id")
			.param("type", type).param("id", String.valueOf(id)).query(String.class).list();
	}

	private long count(String table, Long campaign) {
		return jdbc.sql("select count(*) from " + table + " where campaign_id = :c").param("c", campaign).query(Long.class).single();
	}

	private static void assertRefused(Runnable action, String field, String key) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleViolationException.class, e -> {
			assertThat(e.field()).isEqualTo(field);
			assertThat(e.messageKey()).isEqualTo(key);
		});
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}

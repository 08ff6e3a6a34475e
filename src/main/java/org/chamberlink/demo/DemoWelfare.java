package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.member.Members;
import org.chamberlink.member.PartyKind;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.welfare.Agreements;
import org.chamberlink.welfare.CampaignKind;
import org.chamberlink.welfare.DonationPledges;
import org.chamberlink.welfare.DonationReceipts;
import org.chamberlink.welfare.DonationTransfers;
import org.chamberlink.welfare.Donations;
import org.chamberlink.welfare.HelpKind;
import org.chamberlink.welfare.Pairings;
import org.chamberlink.welfare.Projects;
import org.chamberlink.welfare.ReliefStatus;
import org.chamberlink.welfare.Villages;

import org.springframework.stereotype.Component;

/**
 * Public welfare for the demo: two villages of the first chamber's township, one paired with two
 * member enterprises and the chamber, an adviser, a project with ¥50,000 committed and ¥30,000
 * delivered in two payments; a disaster-relief campaign with two donations, one donor named on the
 * published thank-you roll; a support agreement with a visit — so every welfare page and the
 * figures have something real.
 */
@Component
class DemoWelfare {

	private final Villages villages;

	private final Pairings pairings;

	private final Projects projects;

	private final Donations donations;

	private final DonationPledges donationPledges;

	private final DonationReceipts donationReceipts;

	private final DonationTransfers donationTransfers;

	private final Agreements agreements;

	private final Members members;

	private final Clock clock;

	DemoWelfare(Villages villages, Pairings pairings, Projects projects, Donations donations, DonationPledges donationPledges,
			DonationReceipts donationReceipts, DonationTransfers donationTransfers, Agreements agreements, Members members,
			Clock clock) {
		this.villages = villages;
		this.pairings = pairings;
		this.projects = projects;
		this.donations = donations;
		this.donationPledges = donationPledges;
		this.donationReceipts = donationReceipts;
		this.donationTransfers = donationTransfers;
		this.agreements = agreements;
		this.members = members;
		this.clock = clock;
	}

	void fill(OrganizationSummary county, OrganizationSummary chamber, String township, List<Long> parties) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		List<Long> enterprises = parties.stream().filter(p -> members.get(p).kind() == PartyKind.ENTERPRISE).limit(2).toList();
		Long person = parties.stream().filter(p -> members.get(p).kind() == PartyKind.PERSON).findFirst().orElse(null);
		Long village = villages.add(new Villages.VillageForm(county.id(), township, "东风村", township + "218", ReliefStatus.LIFTED));
		villages.add(new Villages.VillageForm(county.id(), township, "向阳社区", township + "219", ReliefStatus.KEY_SUPPORT));
		Long pairing = pairings.create(new Pairings.PairingForm(county.id(), village, enterprises, List.of(chamber.id()),
				today.minusMonths(3), null, List.of(HelpKind.INDUSTRY, HelpKind.EMPLOYMENT, HelpKind.CONSUMPTION), "百企帮百村"));
		if (person != null) {
			pairings.appoint(village, new Pairings.AdviserForm(person, today.minusMonths(3), today.plusYears(2)));
		}
		Long project = projects.create(pairing, new Projects.ProjectForm("核桃深加工车间", HelpKind.INDUSTRY, "50000", "8000", 12, 210,
				today.minusMonths(2)));
		projects.pay(project, new Projects.PaymentForm(today.minusMonths(2), "20000", "首期设备款"));
		projects.pay(project, new Projects.PaymentForm(today.minusDays(10), "10000", "二期厂房改造"));
		projects.report(project, today.minusDays(5), "车间已投产，吸纳本村 12 人就业。", null, null, null);

		Long campaign = donations.create(new Donations.CampaignForm(county.id(), CampaignKind.DISASTER, "抗洪救灾爱心捐赠", "200000",
				today.minusWeeks(3), today.plusWeeks(1)));
		if (!enterprises.isEmpty()) {
			Long named = donationPledges.pledge(campaign, new DonationPledges.PledgeForm(enterprises.get(0), null, null, "20000", null, null,
					today.minusWeeks(3), true));
			donationReceipts.receive(named, new DonationReceipts.ReceiptForm(today.minusWeeks(2), "20000", null, null));
		}
		Long quiet = donationPledges.pledge(campaign, new DonationPledges.PledgeForm(null, null, "爱心人士", "5000", "3000", "矿泉水 100 箱",
				today.minusWeeks(2), false));
		donationReceipts.receive(quiet, new DonationReceipts.ReceiptForm(today.minusWeeks(1), "5000", "3000", null));
		donationTransfers.transfer(campaign, new DonationTransfers.TransferForm("县红十字会", "25000", today.minusDays(3), "受灾群众生活物资"), null, null, null);
		donations.publishRoll(campaign, true);

		if (person != null) {
			Long agreement = agreements.sign(new Agreements.AgreementForm(county.id(), person, "发展庭院经济，年人均增收 3000 元", "王干事",
					today.minusMonths(4), today.plusMonths(8)));
			agreements.visit(agreement, today.minusMonths(1), "王干事、李会长", "入户了解种植情况");
		}
	}

}

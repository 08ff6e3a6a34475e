package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chamberlink.honour.BulkNominationForm;
import org.chamberlink.honour.HonoreeKind;
import org.chamberlink.honour.HonourAwards;
import org.chamberlink.honour.HonourLevel;
import org.chamberlink.honour.HonourNominations;
import org.chamberlink.honour.HonourNotices;
import org.chamberlink.honour.HonourProgrammes;
import org.chamberlink.honour.HonourRolls;
import org.chamberlink.honour.MemberChoice;
import org.chamberlink.honour.NominationForm;
import org.chamberlink.honour.ProgrammeForm;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyKind;

import org.springframework.stereotype.Component;

/**
 * Honours for the demo: the city's 光彩之星 with two places per county, each county nominating two
 * members; the first county's two accepted, on notice, one objection answered and both awarded (their
 * certificates verifiable); the others waiting on notice. The first county's 五星级文明户 named in
 * bulk from its members, and 劳动模范 recommended to the trade union; the first county's honour roll
 * published; a city programme members may apply for themselves in the portal.
 */
@Component
class DemoHonours {

	private final HonourProgrammes programmes;

	private final HonourNominations nominations;

	private final HonourNotices notices;

	private final HonourAwards awards;

	private final Clock clock;

	private final Members members;

	private final HonourRolls rolls;

	DemoHonours(HonourProgrammes programmes, HonourNominations nominations, HonourNotices notices, HonourAwards awards, Clock clock,
			Members members, HonourRolls rolls) {
		this.rolls = rolls;
		this.members = members;
		this.programmes = programmes;
		this.nominations = nominations;
		this.notices = notices;
		this.awards = awards;
		this.clock = clock;
	}

	void fill(OrganizationSummary city, List<OrganizationSummary> counties) {
		int year = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
		Long star = programmes.create(new ProgrammeForm(city.id(), "光彩之星", null, Set.of(HonoreeKind.values()), Set.of(HonourLevel.CITY), year, true, false, false, false, false, null, true, false,
				7));
		Long models = programmes.create(new ProgrammeForm(city.id(), "劳动模范（推荐）", "市总工会", Set.of(HonoreeKind.PERSON),
				Set.of(HonourLevel.CITY), year, false, false, false, false, false, null, true, false, 5));
		boolean first = true;
		for (OrganizationSummary county : counties) {
			programmes.setQuota(star, county.id(), HonourLevel.CITY, 2);
			List<MemberChoice> choices = nominations.choices(county.id());
			Long lastNominated = null;
			// one membership per member (a member of two chambers of the county is nominated once)
			java.util.Set<Long> seen = new java.util.HashSet<>();
			choices = choices.stream().filter(choice -> seen.add(choice.partyId())).toList();
			for (MemberChoice choice : choices.stream().limit(2).toList()) {
				lastNominated = nominations.nominate(new NominationForm(star, HonourLevel.CITY, county.id(), choice.membershipId(),
						"热心光彩事业，积极参与扶贫济困和乡村振兴", "捐资助学证明、吸纳就业情况"));
				nominations.accept(lastNominated, null);
			}
			if (first && lastNominated != null) {
				nominations.publishNotice(star, HonourLevel.CITY);
				Long objection = notices.object(star, lastNominated, "该企业去年曾有欠薪投诉", null);
				notices.answer(objection, "经核实，投诉已于去年调解结案，工资已足额支付");
				awards.awardAll(star, HonourLevel.CITY);
				// the first county publishes its honour roll (/honours/public/{county}, signed out)
				rolls.publish(county.id());
				Long five = programmes.create(new ProgrammeForm(county.id(), "五星级文明户", null, Set.of(HonoreeKind.ENTERPRISE,
						HonoreeKind.INDIVIDUAL_BUSINESS, HonoreeKind.PERSON), Set.of(HonourLevel.COUNTY), year, true, true, false, false,
						false, null, true, false, 5));
				nominations.nominateAll(new BulkNominationForm(five, HonourLevel.COUNTY, firstChamberOf(county), null, null, null, null,
						"诚信守法，文明经营"));
				// 劳动模范 are persons
				choices.stream().skip(2).filter(choice -> members.get(choice.partyId()).kind() == PartyKind.PERSON).findFirst()
					.ifPresent(choice -> {
						Long model = nominations.nominate(new NominationForm(models, HonourLevel.CITY, county.id(), choice.membershipId(),
								"扎根一线二十年，带领企业技术攻关", null));
						nominations.accept(model, 1);
						nominations.recommend(model, "石家庄市总工会");
					});
				first = false;
			}
		}
		nominations.publishNotice(star, HonourLevel.CITY);
		// members may apply themselves for this one (the portal's /portal/honours shows the form)
		programmes.create(new ProgrammeForm(city.id(), "优秀会员（会员自荐）", null, Set.of(HonoreeKind.values()),
				Set.of(HonourLevel.CITY), year, true, false, true, false, false, null, true, false, 5));
	}

	private Long firstChamberOf(OrganizationSummary county) {
		return nominations.choices(county.id()).stream().findFirst().map(MemberChoice::orgId).orElse(county.id());
	}

}

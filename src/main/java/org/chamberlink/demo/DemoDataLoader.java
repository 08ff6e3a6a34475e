package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.InitialPasswords;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;
import org.chamberlink.organization.ChamberKind;
import org.chamberlink.organization.Leadership;
import org.chamberlink.organization.LeadershipRole;
import org.chamberlink.organization.NewLeadershipTerm;
import org.chamberlink.organization.NewOrganization;
import org.chamberlink.organization.OrganizationManagement;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.region.Region;
import org.chamberlink.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the demo province slice; see the package description. */
@Component
public class DemoDataLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	/** The three districts of 石家庄市 in the demo, with how many of their townships have a chamber. */
	private static final Map<String, Integer> COUNTIES = Map.of("130102", 12, "130104", 10, "130105", 9);

	private static final String[] INDUSTRIES = { "餐饮行业商会", "建材行业商会", "电子商务商会", "物流行业商会" };

	/** The county whose out-of-town chamber sits in another province, and where: 广东省深圳市福田区. */
	private static final String OUT_OF_TOWN_HOME = "130102";

	private static final String OUT_OF_TOWN_SEAT = "440304";

	private final OrganizationManagement organizations;

	private final Leadership leadership;

	private final Regions regions;

	private final AccountManagement accounts;

	private final DemoCases cases;

	private final DemoActivities activities;

	private final DemoNotices notices;
	private final DemoHonours honours;
	private final DemoWelfare welfare;

	private final DemoBenefit benefit;

	private final DemoProposals proposals;

	private final DemoDisclosures disclosures;

	private final DemoFinance finance;

	private final DemoInvestment investment;
	private final DemoEvaluations evaluations;
	private final DemoReports reports;
	private final DemoSurveys surveys;

	private final DemoPublications publications;

	private final DemoMembers members;

	private final DemoDues dues;

	private final DemoPoints points;

	private final Clock clock;

	DemoDataLoader(OrganizationManagement organizations, Leadership leadership, Regions regions,
			AccountManagement accounts, DemoMembers members, DemoDues dues, DemoCases cases, DemoActivities activities,
			DemoPoints points, DemoNotices notices, DemoHonours honours, DemoWelfare welfare, DemoProposals proposals,
			DemoDisclosures disclosures, DemoEvaluations evaluations, DemoSurveys surveys, DemoPublications publications,
			DemoBenefit benefit, DemoReports reports, DemoFinance finance, DemoInvestment investment, Clock clock) {
		this.benefit = benefit;
		this.reports = reports;
		this.finance = finance;
		this.investment = investment;
		this.points = points;
		this.notices = notices;
		this.honours = honours;
		this.evaluations = evaluations;
		this.surveys = surveys;
		this.publications = publications;
		this.cases = cases;
		this.activities = activities;
		this.welfare = welfare;
		this.proposals = proposals;
		this.disclosures = disclosures;
		this.dues = dues;
		this.members = members;
		this.organizations = organizations;
		this.leadership = leadership;
		this.regions = regions;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Creates the slice and returns the accounts made, with their one-time passwords. */
	@Transactional
	public Map<String, String> load() {
		LocalDate today = LocalDate.now(clock);
		OrganizationSummary province = federation("河北省工商联", "PROVINCE", "13", null);
		OrganizationSummary city = federation("石家庄市工商联", "CITY", "1301", province.id());
		Map<String, String> logins = new LinkedHashMap<>();
		Map<String, String> what = new LinkedHashMap<>();
		account(logins, "hb_admin", "河北省工商联管理员", province.id(), Role.FEDERATION_ADMIN);
		what.put("hb_admin", "省级管理员（河北省工商联，可看全省）");
		account(logins, "sjz_admin", "石家庄市工商联管理员", city.id(), Role.FEDERATION_ADMIN);
		what.put("sjz_admin", "市级管理员（石家庄市工商联）");
		account(logins, "sjz_leader", "石家庄市工商联领导", city.id(), Role.AUDITOR);
		what.put("sjz_leader", "只读领导（石家庄市工商联，只看不改）");
		int sequence = 0;
		OrganizationSummary firstChamber = null;
		AccountPrincipal secretary = null;
		boolean noticesFilled = false;
		List<OrganizationSummary> countyFederations = new java.util.ArrayList<>();
		for (String countyCode : COUNTIES.keySet().stream().sorted().toList()) {
			Region county = regions.get(countyCode);
			OrganizationSummary federation = federation(county.name() + "工商联", "COUNTY", countyCode, city.id());
			countyFederations.add(federation);
			account(logins, "admin_" + countyCode, county.name() + "工商联管理员", federation.id(),
					Role.FEDERATION_ADMIN);
			what.put("admin_" + countyCode, "县级管理员（" + county.name() + "工商联）");
			if (countyCode.equals(OUT_OF_TOWN_HOME)) {
				members.outsideBody(federation);
			}
			List<Region> townships = regions.children(countyCode);
			for (int i = 0; i < COUNTIES.get(countyCode) && i < townships.size(); i++) {
				Region township = townships.get(i);
				sequence++;
				OrganizationSummary chamber = chamber(township.name() + "商会", ChamberKind.TOWNSHIP, township.code(), null,
						federation.id(), sequence % 4 != 0, sequence % 3 == 0 ? "BRANCH" : "NONE");
				// Presidents' terms end at spread dates, so some renewals are overdue or due soon.
				president(chamber.id(), sequence, today, sequence % 11 == 0);
				List<Long> parties = members.fill(chamber, logins);
				dues.fill(chamber);
				if (i < 2) {
					cases.fill(chamber, federation, parties);
				}
				if (i == 0) {
					activities.fill(federation, chamber, parties);
					surveys.fill(federation, chamber, parties);
					if (sequence == 1) {
						welfare.fill(federation, chamber, township.code(), parties);
						publications.fill(province, federation, chamber);
						benefit.fill(federation, chamber, parties, logins, what);
						proposals.fill(federation, chamber, parties);
						disclosures.fill(chamber);
						finance.fill(federation, chamber, parties);
						investment.fill(federation, List.of(chamber), parties);
					}
				}
				if (firstChamber == null) {
					firstChamber = chamber;
				}
				if (sequence == 1) {
					secretary = account(logins, "sg_" + township.code(), township.name() + "商会秘书长", chamber.id(),
							Role.CHAMBER_ADMIN);
					what.put("sg_" + township.code(), "商会秘书长（" + township.name() + "商会）");
					// this year's 四好 campaign of the county, the chamber's evaluation recommended to the city
					evaluations.fill(federation, "admin_" + countyCode, "sg_" + township.code());
					// this year's statistical return of the chamber, accepted by the county (decision 44)
					reports.fill("admin_" + countyCode, "sg_" + township.code());
				}
			}
			for (int i = 0; i < 3; i++) {
				sequence++;
				ChamberKind kind = List.of(ChamberKind.INDUSTRY, ChamberKind.REGIONAL, ChamberKind.OUT_OF_TOWN,
						ChamberKind.VILLAGE).get(sequence % 4);
				// out-of-town chambers (decision 31): 长安区's people in 深圳 belong to 长安区工商联 and sit
				// there; elsewhere merchants from 温州 sit in the county and name where they come from
				boolean elsewhere = kind == ChamberKind.OUT_OF_TOWN && countyCode.equals(OUT_OF_TOWN_HOME);
				String name = county.name() + (kind == ChamberKind.INDUSTRY ? INDUSTRIES[i % INDUSTRIES.length]
						: elsewhere ? "驻深圳商会"
						: kind == ChamberKind.OUT_OF_TOWN ? "温州商会" : kind == ChamberKind.REGIONAL ? "开发区商会" : "村级商会");
				OrganizationSummary chamber = chamber(name, kind, elsewhere ? OUT_OF_TOWN_SEAT : countyCode,
						kind != ChamberKind.OUT_OF_TOWN ? null : elsewhere ? countyCode : "3303", federation.id(), true,
						"JOINT_BRANCH");
				president(chamber.id(), sequence, today, false);
				members.fill(chamber, logins);
				dues.fill(chamber);
			}
			if (secretary != null && !noticesFilled) {
				// the first county's notices, once all its chambers exist; its first chamber's secretary reads and replies
				notices.fill(federation, secretary);
				noticesFilled = true;
			}
		}
		// the city's point rules, back-filled from what the demo chambers did this year
		points.fill(city, firstChamber);
		honours.fill(city, countyFederations);
		log.warn("Demo data loaded: {} chambers in 河北省/石家庄市 — the demo is ready. Demo accounts (passwords shown only now):{}",
				sequence, logins.entrySet().stream().map(e -> "\n    " + e.getKey() + "  " + e.getValue() + "  "
						+ what.getOrDefault(e.getKey(), e.getKey().startsWith("member ") ? "会员（手机号登录会员服务）" : ""))
					.reduce("", String::concat));
		return logins;
	}

	private OrganizationSummary federation(String name, String level, String region, Long parent) {
		return organizations.create(new NewOrganization(OrganizationType.FEDERATION, level, null, name, region, parent,
				LocalDate.of(1990, 1, 1), false, null, "COMMITTEE", null));
	}

	private OrganizationSummary chamber(String name, ChamberKind kind, String region, String origin, Long parent,
			boolean registered, String party) {
		return organizations.create(new NewOrganization(OrganizationType.CHAMBER, null, kind, name, region, parent,
				LocalDate.of(2015, 6, 1), registered, null, party, origin));
	}

	private void president(Long orgId, int sequence, LocalDate today, boolean official) {
		LocalDate ends = today.plusDays((sequence * 37L) % 700 - 120);
		leadership.add(orgId, new NewLeadershipTerm(LeadershipRole.PRESIDENT,
				official ? "王建国（区政协副主席）" : DemoNames.person(sequence * 2), !official, ends.minusYears(5), ends));
		leadership.add(orgId, new NewLeadershipTerm(LeadershipRole.SECRETARY_GENERAL, DemoNames.person(sequence * 2 + 1),
				true, ends.minusYears(5), ends));
	}

	private AccountPrincipal account(Map<String, String> logins, String username, String name, Long orgId, Role role) {
		String password = InitialPasswords.generate(14);
		AccountPrincipal account = accounts.create(new NewAccount(username, name, password, orgId, Set.of(role), false));
		logins.put(username, password);
		return account;
	}

}

package org.chamberlink.demo;

import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.member.EnterpriseKind;
import org.chamberlink.member.IdentityCardNumber;
import org.chamberlink.member.JoinApplicationForm;
import org.chamberlink.member.JoinApplications;
import org.chamberlink.member.MemberAccounts;
import org.chamberlink.member.MemberRegistration;
import org.chamberlink.member.MemberRole;
import org.chamberlink.member.NewMember;
import org.chamberlink.member.PartyKind;
import org.chamberlink.member.SizeClass;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.UnifiedSocialCreditCode;

import org.springframework.stereotype.Component;

/**
 * Members for the demo chambers: a dozen each, enterprises of the kinds a county really has
 * (mostly individual businesses and small private firms), a few persons with public roles, one
 * member sign-in and two open join applications, so every member page has something to show.
 */
@Component
class DemoMembers {

	private static final String[] WORDS = { "华联", "鑫源", "恒达", "兴盛", "泰丰", "宏瑞", "嘉祥", "顺安", "通利", "隆昌", "德信", "永康" };

	private static final String[][] TRADES = { { "餐饮", "62" }, { "建材", "30" }, { "商贸", "51" }, { "超市", "52" },
			{ "物流", "54" }, { "机械", "34" }, { "电子", "39" }, { "软件", "65" }, { "装饰", "50" }, { "药房", "52" } };

	private static final String[] PEOPLE = { "王秀英", "李建华", "张志强", "刘丽娟", "陈国平", "杨晓东", "赵美玲", "周建军" };

	private final MemberRegistration registration;

	private final MemberAccounts memberAccounts;

	private final JoinApplications applications;

	private int sequence;

	DemoMembers(MemberRegistration registration, MemberAccounts memberAccounts, JoinApplications applications) {
		this.registration = registration;
		this.memberAccounts = memberAccounts;
		this.applications = applications;
	}

	/** Enters the chamber's members; for the very first chamber also a member sign-in and two applications. */
	/** Registers twelve members of a chamber; returns their party ids, the first person first. */
	java.util.List<Long> fill(OrganizationSummary chamber, Map<String, String> logins) {
		String region = chamber.regionCode().substring(0, 6);
		Long firstPerson = null;
		java.util.List<Long> parties = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			int n = ++sequence;
			MemberRole role = i == 0 ? MemberRole.PRESIDENT : i < 3 ? MemberRole.VICE_PRESIDENT
					: i < 5 ? MemberRole.STANDING_DIRECTOR : i < 7 ? MemberRole.DIRECTOR : MemberRole.MEMBER;
			LocalDate joined = LocalDate.of(2016 + n % 10, 1 + n % 12, 1 + n % 27);
			String phone = "139" + String.format("%08d", 31_000_000 + n);
			if (i % 6 == 1) {
				String first17 = region + (19650101 + n % 28) + String.format("%03d", n % 1000);
				Long id = registration.register(new NewMember(PartyKind.PERSON, chamber.id(),
						PEOPLE[n % PEOPLE.length], null, null, null, null, null, null, region, false, false,
						IdentityCardNumber.gender(first17 + "0"), first17 + IdentityCardNumber.checkCharacter(first17), phone,
						n % 3 == 0, n % 4 == 0 ? "区政协委员" : null, null, role, null, null, joined));
				firstPerson = firstPerson == null ? id : firstPerson;
				parties.add(firstPerson.equals(id) ? 0 : parties.size(), id);
				continue;
			}
			String[] trade = TRADES[n % TRADES.length];
			boolean individual = n % 5 < 3;
			String name = WORDS[n % WORDS.length] + trade[0] + (individual ? "店" : "有限公司");
			parties.add(registration.register(new NewMember(PartyKind.ENTERPRISE, chamber.id(), name,
					UnifiedSocialCreditCode.complete((individual ? "92" : "91") + region + String.format("%09d", 700_000 + n)),
					individual ? EnterpriseKind.INDIVIDUAL_BUSINESS : EnterpriseKind.PRIVATE_ENTERPRISE, "法人" + n, trade[1],
					individual ? SizeClass.MICRO : SizeClass.SMALL, individual ? 3 + n % 5 : 20 + n % 80, region, n % 9 == 0,
					trade[1].equals("65") || trade[1].equals("39"), null, null, n % 4 == 0 ? null : phone, false, null, null,
					role, n % 13 == 0 ? org.chamberlink.member.Tier.PERIPHERAL : null, n % 13 == 0 ? "长期未参加活动" : null,
					joined)));
		}
		if (logins.keySet().stream().noneMatch(login -> login.startsWith("member "))) {
			MemberAccounts.Opened opened = memberAccounts.open(firstPerson);
			logins.put("member " + opened.login(), opened.initialPassword());
			applications.submit(chamber.id(), new JoinApplicationForm(PartyKind.ENTERPRISE, "新开张火锅店",
					UnifiedSocialCreditCode.complete("92" + region + "000999001"), EnterpriseKind.INDIVIDUAL_BUSINESS, "店主老刘",
					"62", region, null, "13900009999", "想参加商会组织的餐饮培训"));
			applications.submit(chamber.id(), new JoinApplicationForm(PartyKind.PERSON, "孙丽", null, null, null, null,
					region, null, "13900008888", "返乡创业，希望入会交流"));
		}
		return parties;
	}

	/** A group member outside the tree (decision 31): an association of the county, by name and credit code. */
	Long outsideBody(OrganizationSummary federation) {
		String county = federation.regionCode();
		return registration.register(new NewMember(PartyKind.GROUP, federation.id(), federation.regionName() + "餐饮协会",
				UnifiedSocialCreditCode.complete("51" + county + "MJ0000001"), null, null, null, null, null, null, false,
				false, null, null, null, false, null, null, MemberRole.STANDING_DIRECTOR, null, null,
				LocalDate.of(2019, 4, 1)));
	}

}

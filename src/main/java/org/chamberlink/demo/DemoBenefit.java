package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chamberlink.benefit.MemberCard;
import org.chamberlink.benefit.MemberCards;
import org.chamberlink.benefit.MerchantCategory;
import org.chamberlink.benefit.MerchantForm;
import org.chamberlink.benefit.Merchants;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.shared.ChinaTime;

import org.springframework.stereotype.Component;

/**
 * Member cards and partner merchants for the demo: three merchants of the first county (two signed
 * by the county federation, one by the chamber), the first one's till opened (its sign-in printed
 * with the other demo accounts), and a use recorded with the card of each member of the chamber
 * who has a portal sign-in and whose dues are in good standing.
 */
@Component
class DemoBenefit {

	private final Merchants merchants;

	private final MemberCards cards;

	private final AccountManagement accounts;

	private final Clock clock;

	DemoBenefit(Merchants merchants, MemberCards cards, AccountManagement accounts, Clock clock) {
		this.merchants = merchants;
		this.cards = cards;
		this.accounts = accounts;
		this.clock = clock;
	}

	void fill(OrganizationSummary county, OrganizationSummary chamber, List<Long> parties, Map<String, String> logins,
			Map<String, String> what) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Long teahouse = merchants.create(new MerchantForm(county.id(), "长安茶楼", MerchantCategory.CATERING, "中山东路 168 号",
				"会员凭卡消费九折（酒水除外）", today.minusMonths(6), today.plusYears(1)));
		merchants.create(new MerchantForm(county.id(), "惠民大药房", MerchantCategory.HEALTH, "建设北大街 52 号", "会员购药九五折",
				today.minusMonths(3), null));
		merchants.create(new MerchantForm(chamber.id(), "商会之家酒店", MerchantCategory.HOTEL, "和平东路 9 号",
				"会员入住八折，含早餐", today.minusMonths(1), today.plusMonths(11)));
		Merchants.Opened till = merchants.openAccount(teahouse);
		logins.put(till.login(), till.initialPassword());
		what.put(till.login(), "合作商户（长安茶楼，只能核验会员卡）");
		AccountPrincipal tillAccount = accounts.findByUsername(till.login()).orElseThrow();
		for (Long party : parties) {
			accounts.findByUsername("member-" + party)
				.flatMap(cards::own)
				.filter(MemberCard::valid)
				.ifPresent(card -> cards.recordUse(tillAccount, card.code()));
		}
	}

}

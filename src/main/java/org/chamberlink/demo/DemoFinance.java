package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.finance.BankAgreements;
import org.chamberlink.finance.FundEntryKind;
import org.chamberlink.finance.GuaranteeFunds;
import org.chamberlink.finance.LoanReferrals;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.shared.ChinaTime;

import org.springframework.stereotype.Component;

/**
 * Financing for the demo (seed 000): the county's group-guaranteed loan agreements with two banks,
 * loans arranged for the first chamber's members adding up to ¥162,500,000.00 this year, one
 * application recommended and one waiting, one refused; the chamber's mutual guarantee fund (联保基金)
 * with contributions, a guarantee, a release and a correction.
 */
@Component
class DemoFinance {

	private final BankAgreements agreements;

	private final LoanReferrals referrals;

	private final GuaranteeFunds funds;

	private final Clock clock;

	DemoFinance(BankAgreements agreements, LoanReferrals referrals, GuaranteeFunds funds, Clock clock) {
		this.agreements = agreements;
		this.referrals = referrals;
		this.funds = funds;
		this.clock = clock;
	}

	void fill(OrganizationSummary county, OrganizationSummary chamber, List<Long> parties) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		LocalDate start = today.withDayOfYear(1);
		Long hebei = agreements.sign(new BankAgreements.AgreementForm(county.id(), "河北银行", start.minusYears(1), "500,000,000",
				"客户群体担保贷款协议：会员企业互保联保，商会推荐、联保基金提供 10% 风险补偿，利率不高于 LPR 上浮 50 个基点。",
				start.minusYears(1), start.plusYears(2)));
		Long postal = agreements.sign(new BankAgreements.AgreementForm(county.id(), "中国邮政储蓄银行", start, "200,000,000",
				"小微企业信用贷款，商会推荐名单内企业免抵押。", start, null));
		// ¥162,500,000.00 granted in six loans
		String[][] granted = { { "60000000", "3.85", "扩建生产线" }, { "45000000", "3.95", "购置设备" }, { "30000000", "4.10", "厂房建设" },
				{ "15000000", "4.35", "流动资金" }, { "8000000", "4.35", "原料采购" }, { "4500000", "4.50", "门店扩张" } };
		for (int i = 0; i < granted.length && i < parties.size(); i++) {
			Long id = referrals.apply(new LoanReferrals.ApplicationForm(parties.get(i), chamber.id(), granted[i][0], granted[i][2], 36));
			referrals.recommend(id, i % 3 == 2 ? postal : hebei, null);
			referrals.grant(id, new LoanReferrals.OutcomeForm(granted[i][0], granted[i][1], today));
		}
		if (parties.size() > 8) {
			Long recommended = referrals.apply(new LoanReferrals.ApplicationForm(parties.get(6), chamber.id(), "3000000", "技术改造", 24));
			referrals.recommend(recommended, postal, null);
			referrals.apply(new LoanReferrals.ApplicationForm(parties.get(7), chamber.id(), "500000", "季节性备货", 12));
			Long refused = referrals.apply(new LoanReferrals.ApplicationForm(parties.get(8), chamber.id(), "20000000", "跨行业投资", 60));
			referrals.recommend(refused, hebei, null);
			referrals.refuse(refused, "投资方向与主业不符，抵押物不足", today);
		}
		// the chamber's guarantee fund
		for (int i = 0; i < 4 && i < parties.size(); i++) {
			funds.enter(chamber.id(), new GuaranteeFunds.EntryForm(FundEntryKind.CONTRIBUTION, i == 0 ? "500000" : "200000", parties.get(i),
					null, today, "联保基金缴入"));
		}
		if (parties.size() > 3) {
			Long wrong = funds.enter(chamber.id(), new GuaranteeFunds.EntryForm(FundEntryKind.CONTRIBUTION, "20000", parties.get(3), null,
					today, null));
			funds.correct(wrong, "重复录入");
			funds.enter(chamber.id(), new GuaranteeFunds.EntryForm(FundEntryKind.GUARANTEE, "600000", parties.get(0), null, today,
					"为河北银行贷款提供担保"));
			funds.enter(chamber.id(), new GuaranteeFunds.EntryForm(FundEntryKind.RELEASE, "100000", parties.get(0), null, today, "部分还款"));
		}
	}

}

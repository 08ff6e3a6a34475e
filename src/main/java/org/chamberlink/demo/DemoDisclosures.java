package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.disclosure.DisclosureDrafts;
import org.chamberlink.disclosure.DisclosureParts;
import org.chamberlink.disclosure.Disclosures;
import org.chamberlink.disclosure.ExpenseCategory;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.shared.ChinaTime;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * 三公开 for the demo: the first chamber publishes last year's disclosure (party affairs, a
 * resolution, a leadership change, two expenses with vouchers, income from its ledgers) and starts
 * this year's; the county's board then shows its other organisations as not published.
 */
@Component
class DemoDisclosures {

	/** A one-page PDF standing in for a scanned voucher. */
	private static final byte[] VOUCHER = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes();

	private final Disclosures disclosures;

	private final DisclosureDrafts disclosureDrafts;

	private final Clock clock;

	DemoDisclosures(Disclosures disclosures, DisclosureDrafts disclosureDrafts, Clock clock) {
		this.disclosures = disclosures;
		this.disclosureDrafts = disclosureDrafts;
		this.clock = clock;
	}

	void fill(OrganizationSummary chamber) {
		AccountPrincipal me = (AccountPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
		int year = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear() - 1;
		Long last = disclosures.create(chamber.id(), year);
		disclosureDrafts.writeTexts(last, "商会党支部全年召开支部党员大会 4 次、主题党日 6 次，发展党员 1 名，党费收缴全部按时足额。",
				"第三届理事会增补副会长 1 名，秘书长换任。");
		disclosureDrafts.addResolution(last, new DisclosureDrafts.ResolutionForm(null, LocalDate.of(year, 3, 15), "会员大会",
				"通过上年度工作报告和财务报告"));
		disclosureDrafts.addResolution(last, new DisclosureDrafts.ResolutionForm(null, LocalDate.of(year, 3, 15), "会员大会",
				"通过会费标准调整方案"));
		disclosureDrafts.addExpense(last, new DisclosureDrafts.ExpenseForm(LocalDate.of(year, 2, 20), ExpenseCategory.ACTIVITIES, "新春联谊会场地费",
				"3200"), new DisclosureParts.FileContent("场地费发票.pdf", "application/pdf", VOUCHER));
		disclosureDrafts.addExpense(last, new DisclosureDrafts.ExpenseForm(LocalDate.of(year, 6, 30), ExpenseCategory.OFFICE, "办公用品",
				"865.40"), new DisclosureParts.FileContent("办公用品发票.pdf", "application/pdf", VOUCHER));
		disclosureDrafts.publish(last, me);
		disclosures.create(chamber.id(), year + 1);
	}

}

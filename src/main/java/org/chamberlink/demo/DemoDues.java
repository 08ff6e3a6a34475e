package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.chamberlink.dues.BillFilter;
import org.chamberlink.dues.DuesBill;
import org.chamberlink.dues.DuesBilling;
import org.chamberlink.dues.DuesBills;
import org.chamberlink.dues.DuesLedger;
import org.chamberlink.dues.DuesSchedules;
import org.chamberlink.dues.PaymentForm;
import org.chamberlink.dues.PaymentMethod;
import org.chamberlink.dues.Proration;
import org.chamberlink.dues.ScheduleForm;
import org.chamberlink.dues.WaiverForm;
import org.chamberlink.member.MemberRole;
import org.chamberlink.organization.OrganizationSummary;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * This year's dues for the demo chambers: a schedule per role, the year billed, most members paid
 * (some by transfer, some partly), one waiver, the rest in arrears, so the dues pages, the
 * collection figures and the member portal have something real to show.
 */
@Component
class DemoDues {

	private static final PaymentMethod[] METHODS = PaymentMethod.values();

	private final DuesSchedules schedules;

	private final DuesBilling billing;

	private final DuesBills bills;

	private final DuesLedger ledger;

	private final Clock clock;

	private int sequence;

	DemoDues(DuesSchedules schedules, DuesBilling billing, DuesBills bills, DuesLedger ledger, Clock clock) {
		this.schedules = schedules;
		this.billing = billing;
		this.bills = bills;
		this.ledger = ledger;
		this.clock = clock;
	}

	void fill(OrganizationSummary chamber) {
		int year = LocalDate.now(clock).getYear();
		int scale = 1 + chamber.id().intValue() % 3;
		Map<MemberRole, String> amounts = new EnumMap<>(MemberRole.class);
		amounts.put(MemberRole.PRESIDENT, Integer.toString(20_000 * scale));
		amounts.put(MemberRole.VICE_PRESIDENT, Integer.toString(5_000 * scale));
		amounts.put(MemberRole.SECRETARY_GENERAL, Integer.toString(3_000 * scale));
		amounts.put(MemberRole.STANDING_DIRECTOR, Integer.toString(2_000 * scale));
		amounts.put(MemberRole.DIRECTOR, Integer.toString(1_000 * scale));
		amounts.put(MemberRole.SUPERVISOR, Integer.toString(1_000 * scale));
		amounts.put(MemberRole.MEMBER, Integer.toString(300 * scale));
		schedules.set(chamber.id(), new ScheduleForm(year, Proration.MONTHLY, LocalDate.of(year, 3, 31),
				LocalDate.of(year, 1, 1), amounts));
		billing.runNow(chamber.id(), year, false);
		LocalDate today = LocalDate.now(clock);
		for (DuesBill bill : bills.search(new BillFilter(chamber.id(), false, year, null, null, null),
				PageRequest.of(0, 100))) {
			int n = ++sequence;
			LocalDate paidOn = today.minusDays(n % 40);
			PaymentMethod method = METHODS[n % METHODS.length];
			String reference = method == PaymentMethod.CASH ? null : "DEMO" + year + String.format("%05d", n);
			if (n % 10 < 6) {
				ledger.pay(bill.id(), new PaymentForm(bill.outstanding().replace(",", ""), paidOn, method, reference, null));
			}
			else if (n % 10 == 6) {
				ledger.pay(bill.id(), new PaymentForm(Long.toString(bill.amountFen() / 200), paidOn, method, reference,
						"先缴一半"));
			}
			else if (n % 37 == 7) {
				ledger.waive(bill.id(), new WaiverForm(null, "企业受灾，经会长办公会研究减免", "会长办公会"));
			}
		}
	}

}

package org.chamberlink.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chamberlink.dues.DuesLedger;
import org.chamberlink.dues.EntryKind;
import org.chamberlink.shared.Fen;
import org.chamberlink.welfare.CampaignKind;
import org.chamberlink.welfare.Donations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A disclosure's finances: the year's income by category computed from the dues and donation
 * ledgers on every view until the disclosure is published (then as frozen), the expenses with
 * their vouchers, and the balance.
 */
@Service
public class DisclosureFinances {

	public record Expense(Long id, LocalDate spentOn, ExpenseCategory category, String purpose, long amountFen, String voucherName) {

		public String amount() {
			return Fen.format(amountFen);
		}

	}

	/** Money with its yuan sign in front of the digits and a minus in front of both: -¥4,065.40. */
	static String money(long fen) {
		return (fen < 0 ? "-¥" : "¥") + Fen.format(Math.abs(fen));
	}

	/** Income of one category (dues: PAID, REFUNDED; donations: the campaign's kind). */
	public record IncomeLine(IncomeSource source, String category, long amountFen) {

		/** The amount with its yuan sign, a refund as -¥12.00. */
		public String yuan() {
			return money(amountFen);
		}

	}

	/** The year's finances: income by category, expenses, the balance (income less expenses). */
	public record Finances(List<IncomeLine> income, List<Expense> expenses, boolean frozen) {

		public long incomeFen() {
			return income.stream().mapToLong(IncomeLine::amountFen).sum();
		}

		public long expenseFen() {
			return expenses.stream().mapToLong(Expense::amountFen).sum();
		}

		public long balanceFen() {
			return incomeFen() - expenseFen();
		}

		public String incomeTotal() {
			return money(incomeFen());
		}

		public String expenseTotal() {
			return money(expenseFen());
		}

		public String balance() {
			return money(balanceFen());
		}

	}

	private final JdbcClient jdbc;

	private final Disclosures disclosures;

	private final DuesLedger dues;

	private final Donations donations;

	DisclosureFinances(JdbcClient jdbc, Disclosures disclosures, DuesLedger dues, Donations donations) {
		this.jdbc = jdbc;
		this.disclosures = disclosures;
		this.dues = dues;
		this.donations = donations;
	}

	/** The year's finances: as frozen when published, else computed from the ledgers now. */
	@Transactional(readOnly = true)
	public Finances finances(Long id) {
		return finances(disclosures.get(id));
	}

	/** The finances of a disclosure the caller may read (checked by the caller). */
	Finances finances(Disclosures.Disclosure d) {
		List<Expense> expenses = jdbc.sql("select id, spent_on, category, purpose, amount_fen, voucher_name from disclosure_expense"
				+ " where disclosure_id = :d order by spent_on, id").param("d", d.id()).query(Expense.class).list();
		if (d.published()) {
			List<IncomeLine> income = jdbc.sql("select source, category, amount_fen from disclosure_income where disclosure_id = :d"
					+ " order by source desc, category").param("d", d.id()).query(IncomeLine.class).list();
			return new Finances(income, expenses, true);
		}
		return new Finances(computedIncome(d.orgId(), d.year()), expenses, false);
	}

	/**
	 * Income of an organisation for a year from the ledgers, by category: dues paid (payments net of
	 * corrections), dues refunded (negative), and donations received by the kind of campaign.
	 */
	@Transactional(readOnly = true)
	public List<IncomeLine> computedIncome(Long orgId, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		Map<EntryKind, Long> ledger = dues.sumsByKind(orgId, from, to);
		List<IncomeLine> lines = new ArrayList<>();
		long paid = ledger.getOrDefault(EntryKind.PAYMENT, 0L) + ledger.getOrDefault(EntryKind.CORRECTION, 0L);
		lines.add(new IncomeLine(IncomeSource.DUES, "PAID", paid));
		long refunded = ledger.getOrDefault(EntryKind.REFUND, 0L);
		if (refunded != 0) {
			lines.add(new IncomeLine(IncomeSource.DUES, "REFUNDED", -refunded));
		}
		Map<CampaignKind, Long> donated = donations.receivedByKind(orgId, from, to);
		for (CampaignKind kind : CampaignKind.values()) {
			if (donated.getOrDefault(kind, 0L) != 0) {
				lines.add(new IncomeLine(IncomeSource.DONATION, kind.name(), donated.get(kind)));
			}
		}
		return lines;
	}

}

package org.chamberlink.dues;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.figures.FigureDefinition;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.FigureRow;
import org.chamberlink.shared.figures.FigureSource;
import org.chamberlink.shared.figures.FigureTiming;
import org.chamberlink.shared.figures.FigureUnit;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Dues collection through the figures SPI, from {@link DuesFigures}' tally, per year: the two
 * collection rates (by amount: paid ÷ billed; by bills: settled ÷ issued) by their parts, and arrears.
 */
@Component
@Order(3)
class DuesFigureSource implements FigureSource {

	private static final FigureTiming YEAR = FigureTiming.YEAR;

	private final DuesFigures figures;

	private final Organizations organizations;

	DuesFigureSource(DuesFigures figures, Organizations organizations) {
		this.figures = figures;
		this.organizations = organizations;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(FigureDefinition.sum("dues.billedFen", "duesFigures.billed", FigureUnit.MONEY_FEN, YEAR),
				FigureDefinition.sum("dues.paidFen", "duesFigures.paid", FigureUnit.MONEY_FEN, YEAR),
				FigureDefinition.rate("dues.amountRate", "duesFigures.amountRate", "dues.paidFen", "dues.billedFen", YEAR),
				FigureDefinition.sum("dues.bills", "figure.dues.bills", FigureUnit.COUNT, YEAR),
				FigureDefinition.sum("dues.settledBills", "figure.dues.settledBills", FigureUnit.COUNT, YEAR),
				FigureDefinition.rate("dues.billRate", "duesFigures.billRate", "dues.settledBills", "dues.bills", YEAR),
				FigureDefinition.sum("dues.waivedFen", "figure.dues.waivedFen", FigureUnit.MONEY_FEN, YEAR),
				FigureDefinition.sum("dues.outstandingFen", "duesFigures.outstanding", FigureUnit.MONEY_FEN, YEAR),
				FigureDefinition.sum("dues.overdueBills", "duesFigures.inArrears", FigureUnit.COUNT, YEAR),
				FigureDefinition.sum("dues.overdueFen", "figure.dues.overdueFen", FigureUnit.MONEY_FEN, YEAR));
	}

	@Override
	public Set<String> readers() {
		return STAFF_AND_AUDITORS;
	}

	@Override
	public FigureRow values(Long orgId, FigurePeriod period) {
		return row(figures.collection(orgId, period.year()), null);
	}

	/** The node's own bills come as a row without id: it becomes the own level. */
	@Override
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		List<DuesCollection> rows = figures.below(orgId, period.year());
		OrganizationSummary node = rows.stream().anyMatch(row -> row.orgId() == null) ? organizations.get(orgId) : null;
		return rows.stream().map(row -> row(row, node)).toList();
	}

	private static FigureRow row(DuesCollection c, OrganizationSummary node) {
		boolean own = c.orgId() == null;
		return FigureRow.of(own ? node.id() : c.orgId(), own ? node.name() : c.orgName(), own,
				Map.of("dues.billedFen", c.billedFen(), "dues.paidFen", c.paidFen(), "dues.bills", c.bills(),
						"dues.settledBills", c.settledBills(), "dues.waivedFen", c.waivedFen(),
						"dues.outstandingFen", c.outstandingFen(), "dues.overdueBills", c.overdueBills(),
						"dues.overdueFen", c.overdueFen()));
	}

}

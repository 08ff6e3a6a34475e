package org.chamberlink.finance;

import org.chamberlink.shared.Fen;

/** Loans arranged for a node (or a bank) in a period: applications, recommendations, loans granted and their amount. */
public record FinanceTotals(Long orgId, String orgName, long applied, long recommended, long granted, long grantedFen, long refused) {

	public String grantedAmount() {
		return Fen.format(grantedFen);
	}

}

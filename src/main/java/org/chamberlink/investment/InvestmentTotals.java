package org.chamberlink.investment;

import org.chamberlink.shared.Fen;

/**
 * A node's projects in a period: projects recorded (leads) in it, projects signed in it with their
 * contracted and invested amounts.
 */
public record InvestmentTotals(Long orgId, String orgName, long projects, long signed, long contractedFen, long investedFen) {

	public String contracted() {
		return Fen.format(contractedFen);
	}

	public String invested() {
		return Fen.format(investedFen);
	}

}

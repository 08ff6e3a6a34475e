package org.chamberlink.welfare;

import org.chamberlink.shared.Fen;
import org.chamberlink.shared.Rate;

/**
 * Welfare figures of a subtree (or an organisation's own level) for a period.
 *
 * @param enterprises distinct member enterprises in pairings active in the period
 * @param chambers distinct chambers in those pairings
 * @param villages distinct villages paired
 * @param advisers distinct advisers whose term overlaps the period
 * @param projects projects of those pairings started by the period's end
 * @param committedFen what those projects committed
 * @param deliveredFen money delivered (payments and corrections) dated in the period
 * @param involved organisations (chambers paired, organisations responsible) and member enterprises involved
 * @param all active organisations and member enterprises of the subtree: the participation rate's denominator
 */
public record WelfareTotals(Long orgId, String orgName, long enterprises, long chambers, long villages, long advisers,
		long projects, long committedFen, long deliveredFen, long goodsFen, long peopleEmployed, long beneficiaries,
		long involved, long all) {

	public Rate participation() {
		return Rate.of(involved, all);
	}

	public String committed() {
		return Fen.format(committedFen);
	}

	public String delivered() {
		return Fen.format(deliveredFen);
	}

	public String goods() {
		return Fen.format(goodsFen);
	}

}

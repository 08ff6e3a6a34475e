package org.chamberlink.dues;

import java.time.LocalDate;

/** Where a bill stands on a given day, derived from its amounts and due date. */
public enum BillState {

	SETTLED, OPEN, OVERDUE;

	static BillState of(long amountFen, long paidFen, long waivedFen, LocalDate dueOn, LocalDate today) {
		if (paidFen + waivedFen >= amountFen) {
			return SETTLED;
		}
		return today.isAfter(dueOn) ? OVERDUE : OPEN;
	}

}

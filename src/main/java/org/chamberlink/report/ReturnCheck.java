package org.chamberlink.report;

import java.util.List;

/**
 * A cross-check of the definition: parts that must sum to their total, or a cell that may not
 * exceed another (within a table or across two), or a cell that needs another to be positive. Each
 * answers with the cell it names when it fails. Rates between 0 and 100 % and year-on-year changes
 * are checked for every rate and every cell without being listed here.
 */
public sealed interface ReturnCheck {

	String key();

	/** The cell a failure is shown on. */
	String cell();

	/** {@code total} = the sum of {@code parts}. */
	record PartsSum(String total, List<String> parts) implements ReturnCheck {

		public String key() {
			return "sum." + total + "." + String.join("+", parts);
		}

		public String cell() {
			return total;
		}

	}

	/** {@code part} ≤ {@code whole}. */
	record AtMost(String part, String whole) implements ReturnCheck {

		public String key() {
			return "atMost." + part + "." + whole;
		}

		public String cell() {
			return part;
		}

	}

	/** {@code cell} &gt; 0 needs {@code needed} &gt; 0 (dues billed in a year with no members). */
	record Needs(String cell, String needed) implements ReturnCheck {

		public String key() {
			return "needs." + cell + "." + needed;
		}

	}

}

package org.chamberlink.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.chamberlink.shared.Fen;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The cross-checks of a return's values, read from the one definition: parts sum to totals, a part
 * at most its whole (within a table or between two), a cell needing another, every rate between 0
 * and 100 % (errors); a change from last year's accepted return beyond the set share (warnings).
 * A check whose cells are all empty is not run.
 */
public final class ReturnChecks {

	private ReturnChecks() {
	}

	/** The failed checks, errors first, in the definition's order. */
	public static List<Finding> run(Map<String, Long> values, Map<String, Long> previous, int sharePercent,
			Map<String, String> comments) {
		List<Finding> errors = new ArrayList<>();
		for (ReturnCheck check : ReturnDefinition.CHECKS) {
			if (check instanceof ReturnCheck.PartsSum sum) {
				{
					if (empty(values, sum.total()) && sum.parts().stream().allMatch(part -> empty(values, part))) {
						continue;
					}
					long parts = sum.parts().stream().mapToLong(part -> of(values, part)).sum();
					if (parts != of(values, sum.total())) {
						errors.add(new Finding(check.key(), sum.total(), true, "report.check.partsSum",
								new Object[] { label(sum.total()), text(sum.total(), of(values, sum.total())),
										text(sum.total(), parts) },
								null));
					}
				}
			}
			else if (check instanceof ReturnCheck.AtMost atMost) {
				{
					if (empty(values, atMost.part()) || empty(values, atMost.whole())) {
						continue;
					}
					if (of(values, atMost.part()) > of(values, atMost.whole())) {
						errors.add(new Finding(check.key(), atMost.part(), true, "report.check.atMost",
								new Object[] { label(atMost.part()), text(atMost.part(), of(values, atMost.part())),
										label(atMost.whole()), text(atMost.whole(), of(values, atMost.whole())) },
								null));
					}
				}
			}
			else if (check instanceof ReturnCheck.Needs needs) {
				{
					if (of(values, needs.cell()) > 0 && !empty(values, needs.needed()) && of(values, needs.needed()) == 0) {
						errors.add(new Finding(check.key(), needs.cell(), true, "report.check.needs",
								new Object[] { label(needs.cell()), text(needs.cell(), of(values, needs.cell())),
										label(needs.needed()) },
								null));
					}
				}
			}
		}
		for (ReturnCell cell : ReturnDefinition.cells()) {
			if (!cell.rate() || empty(values, cell.numerator()) || of(values, cell.denominator()) == 0) {
				continue;
			}
			if (of(values, cell.numerator()) > of(values, cell.denominator())) {
				errors.add(new Finding("rate." + cell.key(), cell.numerator(), true, "report.check.rate",
						new Object[] { label(cell.key()), percent(of(values, cell.numerator()), of(values, cell.denominator())) },
						null));
			}
		}
		List<Finding> warnings = new ArrayList<>();
		if (previous != null && !previous.isEmpty()) {
			for (ReturnCell cell : ReturnDefinition.cells()) {
				if (cell.rate() || empty(values, cell.key()) || previous.get(cell.key()) == null) {
					continue;
				}
				long before = previous.get(cell.key());
				long now = values.get(cell.key());
				if (before > 0 && Math.abs(now - before) * 100 > (long) sharePercent * before) {
					String key = "yoy." + cell.key();
					warnings.add(new Finding(key, cell.key(), false, "report.check.yearOnYear",
							new Object[] { label(cell.key()), text(cell.key(), before), text(cell.key(), now),
									percent(Math.abs(now - before), before), sharePercent },
							comments == null ? null : comments.get(key)));
				}
			}
		}
		errors.addAll(warnings);
		return errors;
	}

	private static boolean empty(Map<String, Long> values, String key) {
		return values.get(key) == null;
	}

	private static long of(Map<String, Long> values, String key) {
		return Objects.requireNonNullElse(values.get(key), 0L);
	}

	static DefaultMessageSourceResolvable label(String cellKey) {
		return new DefaultMessageSourceResolvable(ReturnDefinition.cell(cellKey).labelKey());
	}

	/** A cell's value as the pages show it: ¥1,234.56 for money, 1,234 for a count. */
	public static String text(String cellKey, long value) {
		ReturnCell cell = ReturnDefinition.cell(cellKey);
		return cell != null && cell.money() ? "¥" + Fen.format(value) : String.format(Locale.ROOT, "%,d", value);
	}

	static String percent(long numerator, long denominator) {
		return org.chamberlink.shared.Rate.of(numerator, denominator).label();
	}

}

package org.chamberlink.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.chamberlink.shared.Fen;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Reading what staff and members type: money in yuan (at most two decimals), rates, texts; each refusal names its field. */
final class FinanceInput {

	private FinanceInput() {
	}

	static DefaultMessageSourceResolvable label(String field) {
		return new DefaultMessageSourceResolvable("finance.field." + field);
	}

	/** Yuan with at most two decimals, more than zero; "12.345", "1万", "-5" or "0" are refused with the field named. */
	static long money(String field, String typed) {
		if (typed == null || typed.isBlank()) {
			throw new RuleViolationException(field, "finance.required", label(field));
		}
		String text = typed.strip();
		if (text.startsWith("-") || text.startsWith("－")) {
			throw new RuleViolationException(field, "finance.money.positive", label(field));
		}
		Long fen = Fen.parse(text);
		if (fen == null) {
			throw new RuleViolationException(field, "finance.money.invalid", label(field), text);
		}
		if (fen == 0) {
			throw new RuleViolationException(field, "finance.money.positive", label(field));
		}
		return fen;
	}

	/** An annual rate in per cent ("4.35" or "4.35%"), above zero and at most 36, in hundredths of a per cent. */
	static int rate(String field, String typed) {
		if (typed == null || typed.isBlank()) {
			throw new RuleViolationException(field, "finance.required", label(field));
		}
		String text = typed.strip().replace("%", "").replace("％", "").strip();
		if (!text.matches("\\d{1,2}(\\.\\d{1,2})?")) {
			throw new RuleViolationException(field, "finance.rate.invalid", label(field));
		}
		int bp = new BigDecimal(text).movePointRight(2).intValueExact();
		if (bp <= 0 || bp > 3600) {
			throw new RuleViolationException(field, "finance.rate.invalid", label(field));
		}
		return bp;
	}

	static String text(String field, String typed, int max, boolean required) {
		String text = typed == null || typed.isBlank() ? null : typed.strip();
		if (text == null && required) {
			throw new RuleViolationException(field, "finance.required", label(field));
		}
		TextLimit.atMost(field, "finance.field." + field, text, max);
		return text;
	}

	static LocalDate notFuture(String field, LocalDate on, LocalDate today) {
		LocalDate date = on == null ? today : on;
		if (date.isAfter(today)) {
			throw new RuleViolationException(field, "finance.date.future", label(field));
		}
		return date;
	}

	static String percent(int bp) {
		return BigDecimal.valueOf(bp).movePointLeft(2).setScale(2).toPlainString() + "%";
	}

}

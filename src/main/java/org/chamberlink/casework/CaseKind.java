package org.chamberlink.casework;

import java.util.Arrays;
import java.util.List;

import org.chamberlink.shared.ChinaTime;

/** The three kinds of case; each has its categories, its number prefix and default time limits. */
public enum CaseKind {

	NEED("XQ", 3, 20), COMPLAINT("TS", 3, 15), MEDIATION("TJ", 3, 30);

	private final String prefix;

	private final int defaultAcceptDays;

	private final int defaultResolveDays;

	CaseKind(String prefix, int defaultAcceptDays, int defaultResolveDays) {
		this.prefix = prefix;
		this.defaultAcceptDays = defaultAcceptDays;
		this.defaultResolveDays = defaultResolveDays;
	}

	public String prefix() {
		return prefix;
	}

	public int defaultAcceptDays() {
		return defaultAcceptDays;
	}

	public int defaultResolveDays() {
		return defaultResolveDays;
	}

	/** The number people quote: prefix, year filed (China time), id — TS2026-000123. */
	public String number(java.time.Instant filedAt, Long id) {
		return prefix + ChinaTime.of(filedAt).getYear() + "-" + String.format("%06d", id);
	}

	public List<CaseCategory> categories() {
		return Arrays.stream(CaseCategory.values()).filter(category -> category.kind() == this).toList();
	}

}

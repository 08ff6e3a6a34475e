package org.chamberlink.activity.web;

import java.util.Locale;

import org.chamberlink.activity.QuorumRule;

/**
 * A statute's fractions as people say them: 三分之二, 二分之一 in Chinese (2/3 in English), and how
 * many of those who may attend must come for a meeting to be valid.
 */
final class QuorumWords {

	private static final String[] DIGITS = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	private QuorumWords() {
	}

	static String fraction(int numerator, int denominator, Locale locale) {
		if (!"zh".equals(locale.getLanguage())) {
			return numerator + "/" + denominator;
		}
		return chinese(denominator) + "分之" + chinese(numerator);
	}

	/** The fewest present that make the quorum: more than the rule's share of those who may attend. */
	static int fewestPresent(QuorumRule rule, int eligible) {
		return (int) ((long) eligible * rule.quorumNumerator() / rule.quorumDenominator()) + 1;
	}

	/** 1 to 100 in Chinese numerals: 十, 十一, 二十, 三十五, 一百. */
	static String chinese(int n) {
		if (n <= 0 || n > 100) {
			return Integer.toString(n);
		}
		if (n == 100) {
			return "一百";
		}
		if (n < 10) {
			return DIGITS[n];
		}
		int tens = n / 10;
		int ones = n % 10;
		return (tens == 1 ? "" : DIGITS[tens]) + "十" + (ones == 0 ? "" : DIGITS[ones]);
	}

}

package org.chamberlink.member;

import java.util.List;

/**
 * The key under which "very similar names" meet in the duplicate report: legal-form suffixes,
 * bracketed additions (usually a place: （石家庄）), punctuation and spaces removed, so
 * 华北建材（石家庄）有限公司 and 华北建材有限责任公司 share one key. Exact grouping on this key is what makes the report over
 * a million parties take seconds instead of a similarity self-join.
 */
public final class PartyNames {

	private static final List<String> SUFFIXES = List.of("股份有限公司", "有限责任公司", "有限公司", "集团公司", "分公司", "公司",
			"个体工商户", "经营部", "商行");

	private PartyNames() {
	}

	public static String key(String name) {
		if (name == null) {
			return "";
		}
		String key = name.replaceAll("[（(【\\[][^）)】\\]]*[）)】\\]]", "")
			.replaceAll("[\\s\\p{Punct}（）【】《》「」、，。·]", "")
			.toLowerCase();
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String suffix : SUFFIXES) {
				if (key.endsWith(suffix) && key.length() > suffix.length()) {
					key = key.substring(0, key.length() - suffix.length());
					stripped = true;
				}
			}
		}
		return key;
	}

}

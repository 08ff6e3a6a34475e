package org.chamberlink.publication;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The bigrams Chinese text is searched by (decision 0040): the text lower-cased, cut at anything but
 * letters and digits, and every two neighbouring characters of each piece kept once. A keyword
 * matches a text only if all its bigrams are among the text's — the index's part — and the text
 * contains it — the recheck.
 */
public final class SearchGrams {

	private SearchGrams() {
	}

	public static Set<String> of(String... texts) {
		Set<String> grams = new LinkedHashSet<>();
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			for (String piece : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
				int[] points = piece.codePoints().toArray();
				for (int i = 0; i + 1 < points.length; i++) {
					grams.add(new String(points, i, 2));
				}
			}
		}
		return grams;
	}

	/** A keyword's bigrams; empty for a single character (searched without the index). */
	public static List<String> ofKeyword(String keyword) {
		return List.copyOf(of(keyword));
	}

}

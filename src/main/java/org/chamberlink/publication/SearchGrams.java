package org.chamberlink.publication;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The grams Chinese text is searched by (decision 0040): the text lower-cased, cut at anything but
 * letters and digits, and every character and every two neighbouring characters of each piece kept
 * once. A keyword of one character matches a text exactly when that character is among the text's
 * grams; a longer keyword only if all its bigrams are among them — the index's part — and the text
 * contains it — the recheck (none needed for a keyword that is one bigram).
 */
public final class SearchGrams {

	private SearchGrams() {
	}

	/** A text's grams: its characters and its bigrams. */
	public static Set<String> of(String... texts) {
		Set<String> grams = new LinkedHashSet<>();
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			for (String piece : pieces(text)) {
				int[] points = piece.codePoints().toArray();
				for (int i = 0; i < points.length; i++) {
					grams.add(new String(points, i, 1));
					if (i + 1 < points.length) {
						grams.add(new String(points, i, 2));
					}
				}
			}
		}
		return grams;
	}

	/** A keyword's grams: the character itself for one letter or digit, else its bigrams. */
	public static List<String> ofKeyword(String keyword) {
		String normal = keyword.toLowerCase(Locale.ROOT).strip();
		if (normal.codePointCount(0, normal.length()) == 1 && Character.isLetterOrDigit(normal.codePointAt(0))) {
			return List.of(normal);
		}
		Set<String> grams = new LinkedHashSet<>();
		for (String piece : pieces(normal)) {
			int[] points = piece.codePoints().toArray();
			for (int i = 0; i + 1 < points.length; i++) {
				grams.add(new String(points, i, 2));
			}
		}
		return List.copyOf(grams);
	}

	private static String[] pieces(String text) {
		return text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
	}

}

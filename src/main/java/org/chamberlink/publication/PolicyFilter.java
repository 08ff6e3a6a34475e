package org.chamberlink.publication;

/**
 * What the library is searched by; each part optional.
 *
 * @param keyword words of the title, issuer, number or text (Chinese: by bigrams)
 * @param industryCode a section or division: policies for it (or for every industry)
 * @param regionCode a region: policies applying there (its own, those of regions above it, or everywhere)
 * @param validOnly only those in force today
 */
public record PolicyFilter(String keyword, String industryCode, String regionCode, PolicyTopic topic, boolean validOnly) {

	public static PolicyFilter none() {
		return new PolicyFilter(null, null, null, null, false);
	}

}

package org.chamberlink.honour;

import java.time.LocalDate;

/** A nominee recommended to a body outside the tree, and its decision when it comes. */
public record Recommendation(String outsideBody, LocalDate recommendedOn, String decision, LocalDate decidedOn,
		String decisionNote) {
}

package org.chamberlink.shared.figures;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a figure of a node follows from the figures below it. {@link Kind#SUM}: the node's value is
 * the sum over its subtree (its own level plus each organisation below). {@link Kind#RATIO}: the
 * node's value is its own numerator ÷ its own denominator — both figures of the same source,
 * named here — never an average of the rates below.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureRollUp(Kind kind, String numerator, String denominator) {

	public enum Kind {

		SUM, RATIO

	}

	public static FigureRollUp sum() {
		return new FigureRollUp(Kind.SUM, null, null);
	}

	public static FigureRollUp ratio(String numeratorKey, String denominatorKey) {
		return new FigureRollUp(Kind.RATIO, numeratorKey, denominatorKey);
	}

	@JsonIgnore
	public boolean isRatio() {
		return kind == Kind.RATIO;
	}

}

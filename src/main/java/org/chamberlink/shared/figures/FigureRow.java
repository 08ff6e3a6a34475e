package org.chamberlink.shared.figures;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The summed figures of one organisation's subtree as a {@link FigureSource} answers them: the
 * node itself, its own level ({@code own}: what the node holds itself, not below it), or one
 * organisation directly below it. Ratios are not in here; {@link Figures} computes them.
 */
public record FigureRow(Long orgId, String orgName, boolean own, Map<String, BigDecimal> values) {

	/** A row of whole numbers (counts, fen), as most sources answer. */
	public static FigureRow of(Long orgId, String orgName, boolean own, Map<String, Long> values) {
		Map<String, BigDecimal> decimals = new java.util.HashMap<>();
		values.forEach((key, value) -> decimals.put(key, BigDecimal.valueOf(value)));
		return new FigureRow(orgId, orgName, own, decimals);
	}

	public BigDecimal value(String key) {
		return values.getOrDefault(key, BigDecimal.ZERO);
	}

}

package org.chamberlink.report;

/**
 * One cell of the return as the definition holds it.
 *
 * @param key unique within the return ({@code org.chambers}); also the name of its form field
 * @param labelKey its name, a message key
 * @param unitKey its unit as printed (个, 人, 元, %), a message key
 * @param kind pre-filled, typed or a rate
 * @param figure the figure key it is pre-filled from (kind FIGURE)
 * @param money a value in fen, typed and shown in yuan
 * @param numerator the cell a rate divides (kind RATE)
 * @param denominator the cell a rate divides by (kind RATE)
 * @param indent 0 for a total or a row of its own, 1 for a part ("其中")
 */
public record ReturnCell(String key, String labelKey, String unitKey, CellKind kind, String figure, boolean money,
		String numerator, String denominator, int indent) {

	public boolean rate() {
		return kind == CellKind.RATE;
	}

	public boolean typed() {
		return kind == CellKind.TYPED;
	}

	public boolean prefilled() {
		return kind == CellKind.FIGURE;
	}

	/** The module figures page where the records behind a figure are listed (null for a typed cell). */
	public String figuresPage() {
		if (figure == null) {
			return null;
		}
		return switch (figure.substring(0, figure.indexOf('.'))) {
			case "organization" -> "/figures/organizations";
			case "member", "memberIndustry" -> "/figures/members";
			case "dues" -> "/figures/dues";
			case "case" -> "/figures/cases";
			case "activity" -> "/figures/activities";
			case "welfare" -> "/figures/welfare";
			case "honour" -> "/figures/honours";
			case "evaluation" -> "/figures/evaluations";
			default -> null;
		};
	}

}

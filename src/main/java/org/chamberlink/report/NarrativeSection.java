package org.chamberlink.report;

/** The annual work report's sections that staff write (成效 / 经验体会 / 问题 / 下一步目标). */
public enum NarrativeSection {

	ACHIEVEMENTS("achievements"), EXPERIENCE("experience"), PROBLEMS("problems"), NEXT_GOALS("nextGoals");

	/** Longest text of one section, in characters. */
	public static final int MAX_LENGTH = 20_000;

	private final String placeholder;

	NarrativeSection(String placeholder) {
		this.placeholder = placeholder;
	}

	/** Its name in a template's placeholder ({@code {{section.achievements}}}) and in forms and the API. */
	public String placeholder() {
		return placeholder;
	}

	public String labelKey() {
		return "report.section." + placeholder;
	}

	/** A section by its placeholder name, or null. */
	public static NarrativeSection ofName(String name) {
		for (NarrativeSection section : values()) {
			if (section.placeholder.equals(name)) {
				return section;
			}
		}
		return null;
	}

}

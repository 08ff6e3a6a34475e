package org.chamberlink.web;

/**
 * The sidebar's sections, in their order. With twenty modules a flat list no longer fits a phone:
 * each module puts its entries in one section, and the sidebar shows a section as a group that
 * opens and closes, the current one open. Sections without a title (home, one's own account) show
 * their entries directly.
 */
public enum NavigationSection {

	HOME(false), PORTAL(true), ORGANIZATIONS(true), MEMBERS(true), DUES(true), SERVICES(true), ACTIVITIES(true),
	EVALUATIONS(true), WELFARE(true), NOTICES(true), REPORTS(true), SYSTEM(true), ACCOUNT(false);

	private final boolean titled;

	NavigationSection(boolean titled) {
		this.titled = titled;
	}

	public boolean titled() {
		return titled;
	}

	/** The title's key in the message bundles. */
	public String messageKey() {
		return "nav.section." + name();
	}

}

package org.chamberlink.web;

import java.util.Collection;
import java.util.Set;

/**
 * An entry of the sidebar. Modules declare these as beans; the layout shows those the current
 * user's roles allow, grouped by {@link NavigationSection}, ordered by {@code order} within it.
 *
 * @param section the sidebar section it belongs to
 * @param messageKey the label's key in messages*.properties
 * @param href the link
 * @param order position within the section
 * @param roles roles that see it (any of them); empty means every signed-in user but a merchant
 */
public record NavigationItem(NavigationSection section, String messageKey, String href, int order, Set<String> roles) {

	public static NavigationItem forEveryone(NavigationSection section, String messageKey, String href, int order) {
		return new NavigationItem(section, messageKey, href, order, Set.of());
	}

	public static NavigationItem forRoles(NavigationSection section, String messageKey, String href, int order,
			String... roles) {
		return new NavigationItem(section, messageKey, href, order, Set.of(roles));
	}

	boolean visibleTo(Collection<String> userRoles) {
		// a merchant's till sees only its own page, not even home or its account (decision 0041)
		if (roles.isEmpty()) {
			return !userRoles.contains("MERCHANT") && !userRoles.contains("ROLE_MERCHANT");
		}
		return userRoles.stream().anyMatch(roles::contains);
	}

	/** Whether this entry is the page at {@code path} or a page below it. */
	public boolean leadsTo(String path) {
		return path != null && (path.equals(href) || (!"/".equals(href) && path.startsWith(href)));
	}

}

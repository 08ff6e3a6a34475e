package org.chamberlink.web;

/**
 * An entry of the sidebar. Modules declare these as beans; the layout shows those the current
 * user's roles allow, ordered by {@code order}.
 *
 * @param messageKey the label's key in messages*.properties
 * @param href the link
 * @param order position in the sidebar
 * @param roles roles that see it (any of them); empty means every signed-in user
 */
public record NavigationItem(String messageKey, String href, int order, java.util.Set<String> roles) {

	public static NavigationItem forEveryone(String messageKey, String href, int order) {
		return new NavigationItem(messageKey, href, order, java.util.Set.of());
	}

	public static NavigationItem forRoles(String messageKey, String href, int order, String... roles) {
		return new NavigationItem(messageKey, href, order, java.util.Set.of(roles));
	}

	boolean visibleTo(java.util.Collection<String> userRoles) {
		return roles.isEmpty() || userRoles.stream().anyMatch(roles::contains);
	}

}

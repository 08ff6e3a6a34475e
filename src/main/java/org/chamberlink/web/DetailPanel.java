package org.chamberlink.web;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A panel on another module's detail page (a member's, an organisation's), contributed by a module
 * as a bean — as {@link DashboardPanel} does for the home page (decision 0046). The page that shows
 * the record knows nothing of the contributing module: it asks {@link DetailPanels} for the panels of
 * its entity type and draws each as a card whose body htmx loads from the contributor's own endpoint
 * (with a plain link when scripts are off). The endpoint checks the data scope itself, as every
 * endpoint does, so a panel reveals nothing its own page would not.
 *
 * @param entityType whose pages show it: {@link #MEMBER} (a party's page, id = party id) or {@link #ORGANIZATION}
 * @param titleKey the panel's heading, a message key
 * @param urlTemplate the contributor's endpoint rendering the panel's body; {@code {id}} is the record's id
 * @param order position among the page's panels
 * @param roles roles that see it (any of them); empty means everyone signed in
 */
public record DetailPanel(String entityType, String titleKey, String urlTemplate, int order, Set<String> roles) {

	/** A member's page ({@code /members/{id}}, the party's id). */
	public static final String MEMBER = "MEMBER";

	/** An organisation's page ({@code /organizations/{id}}). */
	public static final String ORGANIZATION = "ORGANIZATION";

	public DetailPanel {
		if (!urlTemplate.contains("{id}")) {
			throw new IllegalArgumentException("a detail panel's URL names the record: " + urlTemplate);
		}
		roles = Set.copyOf(roles);
	}

	/** The panel's endpoint for one record. */
	public String url(Long id) {
		return urlTemplate.replace("{id}", String.valueOf(id));
	}

	boolean visibleTo(Authentication authentication) {
		return roles.isEmpty() || authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(a -> roles.contains(a.replaceFirst("^ROLE_", "")));
	}

}

package org.chamberlink.web;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A panel of the home dashboard, contributed by a module as a bean: the module's own fragment
 * (loaded by htmx from {@code url}, so a slow figure never holds up the page) and who sees it.
 *
 * @param titleKey the panel's heading, a message key
 * @param url the module's endpoint that renders the panel's body as an HTML fragment
 * @param order position on the dashboard
 * @param roles roles that see it (any of them); empty means everyone signed in
 */
public record DashboardPanel(String titleKey, String url, int order, Set<String> roles) {

	boolean visibleTo(Authentication authentication) {
		return roles.isEmpty() || authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(a -> roles.contains(a.replaceFirst("^ROLE_", "")));
	}

}

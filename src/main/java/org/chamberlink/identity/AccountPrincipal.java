package org.chamberlink.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as the rest of the application sees it: who, which organisation node
 * (the root of the data scope), which roles. Stored in the session, so it stays small.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final Long id;

	private final String username;

	private final String displayName;

	private final Long orgId;

	private String passwordHash;

	private final boolean enabled;

	private final boolean passwordChangeRequired;

	private final Set<Role> roles;

	AccountPrincipal(Long id, String username, String displayName, Long orgId, String passwordHash, boolean enabled,
			boolean passwordChangeRequired, Set<Role> roles) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.orgId = orgId;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.passwordChangeRequired = passwordChangeRequired;
		this.roles = Set.copyOf(roles);
	}

	public Long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	/** The organisation node this account belongs to; null for installation-wide accounts. */
	public Long orgId() {
		return orgId;
	}

	public Set<Role> roles() {
		return roles;
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	/** Whether the account holds any role of the group (see {@link RoleGroups}). */
	public boolean hasAnyRole(Set<Role> group) {
		return roles.stream().anyMatch(group::contains);
	}

	public boolean passwordChangeRequired() {
		return passwordChangeRequired;
	}

	AccountPrincipal withPasswordChanged() {
		return new AccountPrincipal(id, username, displayName, orgId, null, enabled, false, roles);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<SimpleGrantedAuthority> authorities = roles.stream()
			.map(role -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	// Sessions are found by principal name, so equality follows the account, not the instance.
	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal that && username.equals(that.username);
	}

	@Override
	public int hashCode() {
		return username.hashCode();
	}

	@Override
	public String toString() {
		return username;
	}

}

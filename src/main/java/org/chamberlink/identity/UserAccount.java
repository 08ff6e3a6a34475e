package org.chamberlink.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "user_account")
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String displayName;

	private String passwordHash;

	private Long orgId;

	private boolean enabled = true;

	private boolean passwordChangeRequired;

	private Instant passwordChangedAt;

	@Column(updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_account_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	protected UserAccount() {
	}

	UserAccount(String username, String displayName, String passwordHash, Long orgId, Set<Role> roles, Instant now) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.orgId = orgId;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.createdAt = now;
		this.passwordChangedAt = now;
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangeRequired = false;
		this.passwordChangedAt = now;
	}

	void requirePasswordChange() {
		this.passwordChangeRequired = true;
	}

	/** A password set by an administrator: the holder must change it at the next sign-in. */
	void resetPassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangeRequired = true;
		this.passwordChangedAt = now;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	AccountPrincipal toPrincipal() {
		return new AccountPrincipal(id, username, displayName, orgId, passwordHash, enabled, passwordChangeRequired,
				Set.copyOf(roles));
	}

	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	String getPasswordHash() {
		return passwordHash;
	}

}

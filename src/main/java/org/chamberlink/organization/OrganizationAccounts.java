package org.chamberlink.organization;

import java.util.List;
import java.util.Set;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountManagement.AccountSummary;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.InitialPasswords;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.RuleViolationException;

import org.chamberlink.shared.LikePattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Accounts of the organisations in the caller's scope. A new account gets a random password,
 * shown once to whoever created it, that must be changed at the first sign-in. Roles follow the
 * organisation: federation administrators at federations and associations, chamber
 * administrators at chambers; only a system administrator makes system administrators.
 */
@Service
public class OrganizationAccounts {

	public record CreatedAccount(AccountSummary account, String initialPassword) {
	}

	/**
	 * An account as a picker offers it: sign-in name, display name, and the organisation it
	 * belongs to (null for an installation-wide account).
	 */
	public record AccountChoice(String username, String displayName, String orgName, boolean enabled) {
	}

	private final Organizations organizations;

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	OrganizationAccounts(Organizations organizations, AccountManagement accounts, JdbcClient jdbc, DataScopes scopes) {
		this.organizations = organizations;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	private static final String CHOICES = """
			select a.username, a.display_name, o.name as org_name, a.enabled
			from published_account a
			left join organization o on o.id = a.org_id
			""";

	/**
	 * The accounts of the caller's subtree whose sign-in name or display name contains what was
	 * typed (an installation-wide administrator's scope has the accounts bound to no organisation
	 * as well): a sign-in name that is exactly it first, then those starting with it; at most
	 * {@code most}. Read through the identity module's published view.
	 */
	@Transactional(readOnly = true)
	public List<AccountChoice> matching(String typed, int most) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			return List.of();
		}
		DataScope scope = scopes.current();
		// an account bound to no organisation has no path: only the scope of everything covers it
		return jdbc.sql(CHOICES + " where " + scope.on("coalesce(o.path, '/')")
				+ " and (lower(a.username) like :containing or a.display_name like :named)"
				+ " order by lower(a.username) = :text desc, lower(a.username) like :prefix desc, a.username limit :most")
			.params(scope.param())
			.param("text", text.toLowerCase())
			.param("prefix", LikePattern.startingWith(text.toLowerCase()))
			.param("containing", LikePattern.containing(text.toLowerCase()))
			// display names are Chinese: no case to fold, and lower() on every name costs a province's search
			.param("named", LikePattern.containing(text))
			.param("most", most)
			.query(AccountChoice.class)
			.list();
	}

	/** The account with this sign-in name (any case), if it lies within the caller's subtree. */
	@Transactional(readOnly = true)
	public java.util.Optional<AccountChoice> choice(String username) {
		DataScope scope = scopes.current();
		return jdbc.sql(CHOICES + " where lower(a.username) = :username and " + scope.on("coalesce(o.path, '/')"))
			.params(scope.param())
			.param("username", username == null ? "" : username.strip().toLowerCase())
			.query(AccountChoice.class)
			.optional();
	}

	@Transactional(readOnly = true)
	public List<AccountSummary> of(Long orgId) {
		organizations.get(orgId);
		return accounts.inOrganization(orgId);
	}

	@Transactional
	public CreatedAccount create(Long orgId, String username, String displayName, Role role) {
		OrganizationSummary org = organizations.get(orgId);
		if (!StringUtils.hasText(username) || !username.trim().matches("[A-Za-z0-9_.-]{3,64}")) {
			throw new RuleViolationException("username", "account.usernameFormat");
		}
		if (!StringUtils.hasText(displayName) || displayName.trim().length() > 100) {
			throw new RuleViolationException("displayName", "account.displayNameRequired");
		}
		checkRole(org, role);
		String password = InitialPasswords.generate(14);
		AccountPrincipal created = accounts.create(new NewAccount(username.trim(), displayName.trim(), password, orgId,
				Set.of(role), true));
		return new CreatedAccount(new AccountSummary(created.id(), created.getUsername(), created.displayName(), orgId,
				created.roles(), true, true), password);
	}

	/** Disables or enables an account of an organisation in the caller's scope (else not found). */
	@Transactional
	public AccountSummary setEnabled(Long orgId, Long accountId, boolean enabled) {
		organizations.get(orgId);
		return accounts.setEnabled(orgId, accountId, enabled);
	}

	/** A new one-time password for an account of an organisation in the caller's scope, shown once. */
	@Transactional
	public CreatedAccount resetPassword(Long orgId, Long accountId) {
		organizations.get(orgId);
		String password = accounts.resetPassword(orgId, accountId);
		AccountSummary account = accounts.inOrganization(orgId)
			.stream()
			.filter(a -> a.id().equals(accountId))
			.findFirst()
			.orElseThrow();
		return new CreatedAccount(account, password);
	}

	/**
	 * The roles an account of this organisation may be given: its administrator's (federation
	 * administrator at a federation or association, chamber administrator at a chamber), staff and
	 * read-only leader; system administrator only by a system administrator. A member's sign-in is
	 * opened from the member's page, never made here.
	 */
	public List<Role> assignableRoles(Long orgId) {
		return assignableRoles(organizations.get(orgId));
	}

	private static List<Role> assignableRoles(OrganizationSummary org) {
		List<Role> roles = new java.util.ArrayList<>();
		if (callerHas(Role.SYSTEM_ADMIN)) {
			roles.add(Role.SYSTEM_ADMIN);
		}
		roles.add(org.type() == OrganizationType.CHAMBER ? Role.CHAMBER_ADMIN : Role.FEDERATION_ADMIN);
		roles.add(Role.STAFF);
		roles.add(Role.AUDITOR);
		return List.copyOf(roles);
	}

	private static void checkRole(OrganizationSummary org, Role role) {
		if (role == null) {
			throw new RuleViolationException("role", "account.roleRequired");
		}
		if (role == Role.SYSTEM_ADMIN && !callerHas(Role.SYSTEM_ADMIN)) {
			throw new RuleViolationException("role", "account.roleNotYours");
		}
		if (!assignableRoles(org).contains(role)) {
			throw new RuleViolationException("role", "account.roleDoesNotFit");
		}
	}

	private static boolean callerHas(Role role) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				&& principal.hasRole(role);
	}

}

package org.chamberlink.identity;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts and changing passwords; every change is audited in its own transaction. */
@Service
public class AccountManagement {

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final Clock clock;

	private final AccountSessions sessions;

	private final ApiTokenCache tokenCache;

	AccountManagement(UserAccountRepository accounts, PasswordEncoder passwordEncoder, AuditTrail audit, Clock clock,
			AccountSessions sessions, ApiTokenCache tokenCache) {
		this.tokenCache = tokenCache;
		this.accounts = accounts;
		this.sessions = sessions;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public AccountPrincipal create(NewAccount account) {
		if (accounts.findByUsername(account.username()).isPresent()) {
			throw new RuleViolationException("username", "account.usernameTaken", account.username());
		}
		UserAccount created = new UserAccount(account.username().trim(), account.displayName(),
				passwordEncoder.encode(account.password()), account.orgId(), account.roles(), clock.instant());
		if (account.mustChangePassword()) {
			created.requirePasswordChange();
		}
		try {
			created = accounts.save(created);
		}
		catch (DataIntegrityViolationException raceWithAnotherInstance) {
			throw new RuleViolationException("username", "account.usernameTaken", account.username());
		}
		audit.record(AuditEntry.of(AuditAction.ACCOUNT_CREATED)
			.entity("UserAccount", created.getId())
			.org(account.orgId())
			.changes(Map.of("username", new Change(null, created.getUsername()), "roles",
					new Change(null, account.roles().toString()))));
		return created.toPrincipal();
	}

	/** An account as lists show it: never its password hash. */
	public record AccountSummary(Long id, String username, String displayName, Long orgId, java.util.Set<Role> roles,
			boolean enabled, boolean passwordChangeRequired) {
	}

	/** The accounts bound to one organisation node (the caller checks that node is in scope). */
	@Transactional(readOnly = true)
	public java.util.List<AccountSummary> inOrganization(Long orgId) {
		return accounts.findByOrgIdOrderByUsername(orgId)
			.stream()
			.map(UserAccount::toPrincipal)
			.map(AccountManagement::summary)
			.toList();
	}

	/**
	 * The roles that make an account a staff member of its organisation (工作人员, 干部): federation
	 * and chamber administrators (秘书长), staff and leaders; never a member's or merchant's sign-in
	 * or the installation's administrator.
	 */
	public static final java.util.Set<Role> STAFF_ROLES = java.util.Collections
		.unmodifiableSet(java.util.EnumSet.of(Role.FEDERATION_ADMIN, Role.CHAMBER_ADMIN, Role.STAFF, Role.AUDITOR));

	/**
	 * An account bound to an organisation that holds a staff role, enabled or not (other modules name
	 * staff members, e.g. as honourees; the caller checks the organisation is in its scope).
	 */
	@Transactional(readOnly = true)
	public Optional<AccountSummary> staffAccount(Long accountId) {
		if (accountId == null) {
			return Optional.empty();
		}
		return accounts.findById(accountId)
			.map(UserAccount::toPrincipal)
			.filter(a -> a.orgId() != null && a.hasAnyRole(STAFF_ROLES))
			.map(AccountManagement::summary);
	}

	/** The enabled staff accounts of these organisations (the caller checks they are in its scope), by sign-in name. */
	@Transactional(readOnly = true)
	public java.util.List<AccountSummary> staffOf(java.util.Collection<Long> orgIds) {
		if (orgIds.isEmpty()) {
			return java.util.List.of();
		}
		return accounts.findByOrgIdInAndEnabledTrueOrderByUsername(orgIds)
			.stream()
			.map(UserAccount::toPrincipal)
			.filter(a -> a.hasAnyRole(STAFF_ROLES))
			.map(AccountManagement::summary)
			.toList();
	}

	@Transactional(readOnly = true)
	public boolean anyAccountExists() {
		return accounts.count() > 0;
	}

	@Transactional(readOnly = true)
	public Optional<AccountPrincipal> findByUsername(String username) {
		return accounts.findByUsername(username).map(UserAccount::toPrincipal);
	}

	/**
	 * The names of the people behind sign-in names, for records that keep who did something by
	 * sign-in name (a receipt's 经办人); a sign-in name without an account (the system) is absent.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> displayNames(java.util.Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Map.of();
		}
		return accounts.findByUsernameIn(java.util.Set.copyOf(usernames))
			.stream()
			.collect(java.util.stream.Collectors.toMap(UserAccount::getUsername, a -> a.toPrincipal().displayName()));
	}

	/** The sign-in name of an account, for modules that keep only its id (e.g. a member's sign-in by phone). */
	@Transactional(readOnly = true)
	public Optional<String> usernameOf(Long accountId) {
		return accounts.findById(accountId).map(UserAccount::getUsername);
	}

	/**
	 * Changes the password after checking the current one and the policy. The caller ends the
	 * account's other sessions (see {@link AccountSessions}).
	 */
	@Transactional
	public AccountPrincipal changePassword(Long accountId, String currentPassword, String newPassword) {
		UserAccount account = accounts.findById(accountId)
			.orElseThrow(() -> new RecordNotFoundException("UserAccount", accountId));
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			throw new RuleViolationException("currentPassword", "password.currentWrong");
		}
		if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
			throw new RuleViolationException("newPassword", "password.sameAsCurrent");
		}
		PasswordPolicy.check("newPassword", account.getUsername(), newPassword);
		account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
		tokenCache.clearAfterCommit();
		audit.record(AuditEntry.of(AuditAction.PASSWORD_CHANGED).entity("UserAccount", accountId));
		return account.toPrincipal().withPasswordChanged();
	}

	/**
	 * Disables or enables an account bound to {@code orgId} (the caller checks that node is in
	 * scope; an account bound elsewhere is not found). A disabled account's sessions end at once,
	 * its API tokens stop answering and it cannot sign in; nobody disables their own account.
	 */
	@Transactional
	public AccountSummary setEnabled(Long orgId, Long accountId, boolean enabled) {
		UserAccount account = boundTo(orgId, accountId);
		if (!enabled && isCaller(account)) {
			throw new RuleViolationException("account", "account.notYourOwn");
		}
		account.setEnabled(enabled);
		tokenCache.clearAfterCommit();
		audit.record(AuditEntry.of(enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED)
			.entity("UserAccount", accountId)
			.org(orgId)
			.changes(Map.of("enabled", new Change(String.valueOf(!enabled), String.valueOf(enabled)))));
		if (!enabled) {
			sessions.endAll(account.getUsername(), null);
		}
		return summary(account.toPrincipal());
	}

	/**
	 * Gives an account bound to {@code orgId} a new random password, shown once to the
	 * administrator and to be changed at the next sign-in; the account's sessions end.
	 */
	@Transactional
	public String resetPassword(Long orgId, Long accountId) {
		UserAccount account = boundTo(orgId, accountId);
		if (isCaller(account)) {
			throw new RuleViolationException("account", "account.notYourOwn");
		}
		String password = InitialPasswords.generate(14);
		account.resetPassword(passwordEncoder.encode(password), clock.instant());
		tokenCache.clearAfterCommit();
		audit.record(AuditEntry.of(AuditAction.PASSWORD_RESET).entity("UserAccount", accountId).org(orgId));
		sessions.endAll(account.getUsername(), null);
		return password;
	}

	private UserAccount boundTo(Long orgId, Long accountId) {
		return accounts.findById(accountId)
			.filter(account -> orgId.equals(account.toPrincipal().orgId()))
			.orElseThrow(() -> new RecordNotFoundException("UserAccount", accountId));
	}

	private static boolean isCaller(UserAccount account) {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
			.getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal me
				&& me.id().equals(account.getId());
	}

	private static AccountSummary summary(AccountPrincipal p) {
		return new AccountSummary(p.id(), p.getUsername(), p.displayName(), p.orgId(), p.roles(), p.isEnabled(),
				p.passwordChangeRequired());
	}

}

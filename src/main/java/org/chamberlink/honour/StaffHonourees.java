package org.chamberlink.honour;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountManagement.AccountSummary;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.stereotype.Component;

/**
 * Staff members as honourees (优秀秘书长, 优秀工商联干部): an enabled account with a staff role bound to
 * an organisation of the nominator's subtree, read through the identity module's public API; its
 * organisation must lie in the caller's scope (else the account answers as nonexistent, as a member's
 * would). The members' rules do not apply to a staff member, and a programme that sets them refuses
 * it with that reason; "honoured once" and "registered" (the account's organisation) do.
 */
@Component
class StaffHonourees extends NamedHonourees {

	private final AccountManagement accounts;

	private final Organizations organizations;

	StaffHonourees(AccountManagement accounts, Organizations organizations, HonourRules rules) {
		super(rules, HonoreeKind.STAFF, "honour.rule.membersOnlyStaff");
		this.accounts = accounts;
		this.organizations = organizations;
	}

	@Override
	public Named pick(Long accountId, OrganizationSummary nominator) {
		if (accountId == null) {
			throw new RuleViolationException("accountId", "honour.nomination.staffRequired");
		}
		AccountSummary account = accounts.staffAccount(accountId).orElseThrow(() -> new RecordNotFoundException("Account", accountId));
		OrganizationSummary staffOrg = organizations.find(account.orgId())
			.orElseThrow(() -> new RecordNotFoundException("Account", accountId));
		if (!staffOrg.path().startsWith(nominator.path())) {
			throw new RuleViolationException("accountId", "honour.nomination.outsideSubtree");
		}
		if (!account.enabled()) {
			throw new RuleViolationException("accountId", "honour.nomination.staffDisabled");
		}
		return new Named(Nominee.staff(account.id(), account.displayName(), staffOrg.name()), staffOrg.registered());
	}

	/** The account must still be an enabled staff account of an active organisation, registered if the programme asks. */
	@Override
	public void recheck(Programme programme, Nomination n) {
		AccountSummary account = accounts.staffAccount(n.honoreeAccountId())
			.filter(AccountSummary::enabled)
			.orElseThrow(() -> new RuleViolationException("accountId", "honour.nomination.staffGone"));
		OrganizationSummary staffOrg = organizations.findActiveUnscoped(account.orgId())
			.orElseThrow(() -> new RuleViolationException("accountId", "honour.nomination.staffGone"));
		rules.checkRegistered(programme, staffOrg.registered(), "accountId");
	}

	/** The organisation the staff account is bound to (for the award's count), if it is still a staff account. */
	@Override
	public Long awardeeOrgId(Nomination n) {
		return accounts.staffAccount(n.honoreeAccountId())
			.map(AccountSummary::orgId)
			.orElseThrow(() -> new RuleViolationException("accountId", "honour.nomination.staffGone"));
	}

	/**
	 * The enabled staff accounts of the organisation (in the caller's scope) and of those directly
	 * below it, to pick a staff honouree from (a county names the secretaries-general of its chambers).
	 */
	List<StaffChoice> choices(Long orgId) {
		Map<Long, String> names = new LinkedHashMap<>();
		OrganizationSummary own = organizations.get(orgId);
		names.put(own.id(), own.name());
		organizations.children(orgId).forEach(child -> names.put(child.id(), child.name()));
		return accounts.staffOf(names.keySet())
			.stream()
			.map(a -> new StaffChoice(a.id(), a.displayName(), names.get(a.orgId())))
			.toList();
	}

}

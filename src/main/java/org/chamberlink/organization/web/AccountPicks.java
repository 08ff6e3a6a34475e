package org.chamberlink.organization.web;

import java.util.List;
import java.util.Optional;

import org.chamberlink.organization.OrganizationAccounts;
import org.chamberlink.organization.OrganizationAccounts.AccountChoice;
import org.chamberlink.web.Pick;
import org.chamberlink.web.PickSource;

import org.springframework.stereotype.Component;

/**
 * The account picker's choices, the accounts of the caller's subtree: the value is the sign-in
 * name (what the audit log keeps), the label the person's name, the detail the sign-in name and
 * organisation. A page without script takes the sign-in name typed.
 */
@Component
class AccountPicks implements PickSource {

	private final OrganizationAccounts accounts;

	AccountPicks(OrganizationAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public String name() {
		return "accounts";
	}

	List<Pick> matching(String typed) {
		return accounts.matching(typed, Pick.MOST).stream().map(AccountPicks::pick).toList();
	}

	@Override
	public Optional<Pick> chosen(String username) {
		return accounts.choice(username).map(AccountPicks::pick);
	}

	private static Pick pick(AccountChoice account) {
		return new Pick(account.username(), account.displayName(),
				account.orgName() == null ? account.username() : account.username() + " · " + account.orgName());
	}

}

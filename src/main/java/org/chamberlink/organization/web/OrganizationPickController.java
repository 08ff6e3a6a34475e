package org.chamberlink.organization.web;

import java.util.List;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.web.Pick;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation and account pickers' searches (js/picker.js), helpers of the pages under the
 * signed-in session, not part of the API. Each answers at most {@link Pick#MOST} choices within
 * the caller's data scope; what lies outside it is not found, as a name that exists nowhere.
 */
@RestController
class OrganizationPickController {

	private final OrganizationPicks organizations;

	private final AccountPicks accounts;

	OrganizationPickController(OrganizationPicks organizations, AccountPicks accounts) {
		this.organizations = organizations;
		this.accounts = accounts;
	}

	/** Active organisations by name or registration code; {@code from}: those a case it handles may go to. */
	@GetMapping("/pick/organizations")
	@PreAuthorize(RoleGroups.READERS)
	List<Pick> organizations(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long from) {
		return organizations.matching(q, from);
	}

	/** Accounts by sign-in or display name. */
	@GetMapping("/pick/accounts")
	@PreAuthorize(RoleGroups.ADMINS)
	List<Pick> accounts(@RequestParam(defaultValue = "") String q) {
		return accounts.matching(q);
	}

}

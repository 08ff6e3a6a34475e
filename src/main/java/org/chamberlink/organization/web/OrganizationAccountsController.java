package org.chamberlink.organization.web;

import java.util.List;


import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.identity.AccountManagement.AccountSummary;
import org.chamberlink.identity.Role;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationAccounts;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations/{id}/accounts")
@Tag(name = "organizations")
class OrganizationAccountsController {

	private final OrganizationAccounts accounts;

	OrganizationAccountsController(OrganizationAccounts accounts) {
		this.accounts = accounts;
	}

	record NewAccountRequest(String username, String displayName, Role role) {
	}

	@GetMapping
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Accounts bound to this organisation")
	List<AccountSummary> list(@PathVariable Long id) {
		return accounts.of(id);
	}

	@PostMapping
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Create an account; the initial password is in this response only and must be changed at first sign-in")
	ResponseEntity<OrganizationAccounts.CreatedAccount> create(@PathVariable Long id,
			@RequestBody NewAccountRequest request) {
		return ResponseEntity.status(201)
			.body(accounts.create(id, request.username(), request.displayName(), request.role()));
	}

	@PostMapping("/{accountId}/disable")
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Disable an account: its sessions end, its API tokens stop answering, it cannot sign in")
	AccountSummary disable(@PathVariable Long id, @PathVariable Long accountId) {
		return accounts.setEnabled(id, accountId, false);
	}

	@PostMapping("/{accountId}/enable")
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Enable a disabled account again")
	AccountSummary enable(@PathVariable Long id, @PathVariable Long accountId) {
		return accounts.setEnabled(id, accountId, true);
	}

	@PostMapping("/{accountId}/password-reset")
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Give the account a new random password, in this response only, to be changed at the next sign-in; its sessions end")
	OrganizationAccounts.CreatedAccount resetPassword(@PathVariable Long id, @PathVariable Long accountId) {
		return accounts.resetPassword(id, accountId);
	}

}

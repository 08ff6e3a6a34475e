package org.chamberlink.dues;

import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.organization.Organizations;

import org.springframework.stereotype.Component;

/**
 * Puts names on receipts read from the ledger: the organisation's (by id) and the clerk's who
 * recorded the payment (经办人, by sign-in name), one lookup of each per list.
 */
@Component
class ReceiptNames {

	private final Organizations organizations;

	private final AccountManagement accounts;

	ReceiptNames(Organizations organizations, AccountManagement accounts) {
		this.organizations = organizations;
		this.accounts = accounts;
	}

	Receipt of(Receipt receipt) {
		return of(List.of(receipt)).get(0);
	}

	List<Receipt> of(List<Receipt> receipts) {
		Map<Long, String> orgs = organizations.namesUnscoped(receipts.stream().map(Receipt::orgId).toList());
		Map<String, String> clerks = accounts.displayNames(receipts.stream().map(Receipt::recordedBy).toList());
		return receipts.stream().map(receipt -> receipt.named(orgs, clerks)).toList();
	}

}

package org.chamberlink.benefit;

import java.time.LocalDate;

/**
 * A partner merchant as pages and the API show it.
 *
 * @param accountId the merchant's sign-in (its till), or null while none is opened
 */
public record Merchant(Long id, Long orgId, String orgPath, String orgName, String name, MerchantCategory category,
		String address, String terms, LocalDate startsOn, LocalDate endsOn, Long accountId, long version) {

	/** Whether its agreement is in force on the day (from its start, through its end). */
	public boolean inForce(LocalDate on) {
		return !startsOn.isAfter(on) && (endsOn == null || !endsOn.isBefore(on));
	}

	Merchant named(String org) {
		return new Merchant(id, orgId, orgPath, org, name, category, address, terms, startsOn, endsOn, accountId, version);
	}

}

package org.chamberlink.benefit;

import java.time.LocalDate;

/** What staff enter for a partner merchant; every field is checked by {@link Merchants}. */
public record MerchantForm(Long orgId, String name, MerchantCategory category, String address, String terms,
		LocalDate startsOn, LocalDate endsOn) {

	public static MerchantForm blank() {
		return new MerchantForm(null, "", null, "", "", null, null);
	}

	public static MerchantForm of(Merchant merchant) {
		return new MerchantForm(merchant.orgId(), merchant.name(), merchant.category(), merchant.address(), merchant.terms(),
				merchant.startsOn(), merchant.endsOn());
	}

}

package org.chamberlink.benefit;

/** What a partner merchant sells (its discount applies there); shown by {@code benefit.category.X}. */
public enum MerchantCategory {

	CATERING, RETAIL, HOTEL, HEALTH, EDUCATION, TRAVEL, SERVICES, OTHER

}

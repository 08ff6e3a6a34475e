package org.chamberlink.publication;

/** What a policy is about, for finding it: taxes and fees, finance, employment, subsidies, innovation, market access, rights, other. */
public enum PolicyTopic {
	TAX, FINANCE, EMPLOYMENT, SUBSIDY, INNOVATION, MARKET, RIGHTS, OTHER
}

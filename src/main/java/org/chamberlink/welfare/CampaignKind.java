package org.chamberlink.welfare;

/** What a donation campaign is for: disaster relief, education, an epidemic, other. */
public enum CampaignKind {
	DISASTER, EDUCATION, EPIDEMIC, OTHER
}

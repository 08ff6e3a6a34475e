package org.chamberlink.welfare;

/** Kinds of help a pairing gives and a project is: industry, employment, consumption (消费帮扶), education, health, infrastructure, donation. */
public enum HelpKind {
	INDUSTRY, EMPLOYMENT, CONSUMPTION, EDUCATION, HEALTH, INFRASTRUCTURE, DONATION
}

package org.chamberlink.casework;

/** Whom a complaint is against: an authority (三乱 are charges by authorities), a company, or other. */
public enum RespondentKind {

	AUTHORITY, COMPANY, OTHER

}

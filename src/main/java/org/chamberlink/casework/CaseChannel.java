package org.chamberlink.casework;

/** How a case came in: the member portal, staff, a visit, or referred by a court (mediation). */
public enum CaseChannel {

	PORTAL, STAFF, VISIT, COURT

}

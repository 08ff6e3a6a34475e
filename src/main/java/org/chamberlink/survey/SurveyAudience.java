package org.chamberlink.survey;

/**
 * Who may answer: every current member of the organiser's subtree, or those of them with chosen
 * roles, tiers or organisations (none ticked: no limit).
 */
public enum SurveyAudience {
	SUBTREE, CHOSEN
}

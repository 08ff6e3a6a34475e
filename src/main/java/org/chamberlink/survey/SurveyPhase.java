package org.chamberlink.survey;

/** Where a survey stands at a moment: a draft, published but not open yet, open, or closed. */
public enum SurveyPhase {
	DRAFT, SCHEDULED, OPEN, CLOSED
}

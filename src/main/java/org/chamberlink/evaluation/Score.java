package org.chamberlink.evaluation;

/** Points and comment for one criterion at one level ({@code SELF} for the organisation's own). */
public record Score(Long criterionId, String level, int points, boolean vetoFailed, String comment) {
}

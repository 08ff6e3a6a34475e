package org.chamberlink.notice;

/**
 * Where a target organisation stands on a data call: nothing yet with the deadline ahead; replied
 * by the deadline; late (nothing by the deadline, or a reply after it); returned for correction.
 */
public enum ReplyStatus {

	NOT_STARTED, SUBMITTED, LATE, RETURNED

}

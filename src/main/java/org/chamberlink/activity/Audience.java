package org.chamberlink.activity;

/**
 * Who sees an activity and may register: every current member of the organiser's subtree; those of
 * them with chosen roles, tiers or organisations; or only the members invited by name.
 */
public enum Audience {
	SUBTREE, CHOSEN, INVITED
}

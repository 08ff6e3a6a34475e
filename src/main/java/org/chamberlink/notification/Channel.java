package org.chamberlink.notification;

/** How a message travels. */
public enum Channel {

	MAIL, SMS

}

package org.chamberlink.activity;

/** How someone was checked in: by the activity's QR code, by staff at the door, or ticked from the paper sheet afterwards. */
public enum CheckInWay {
	QR, STAFF, SHEET
}

package org.chamberlink.notification;

/** What became of a message handed to the outbox. */
public enum EnqueueResult {

	ENQUEUED,
	/** A message with the same de-duplication key was queued before: nothing was added. */
	DUPLICATE,
	/** The recipient opted out of the topic: nothing was added. */
	OPTED_OUT

}

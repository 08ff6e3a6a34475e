package org.chamberlink.notification;

import org.chamberlink.privacy.Masks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SMS gateway until a provider is configured: writes the message to the log (phone masked). */
class LoggingSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	@Override
	public void send(String phone, String text) {
		log.info("SMS to {} (logged, no provider configured): {}", Masks.phone(phone), text);
	}

}

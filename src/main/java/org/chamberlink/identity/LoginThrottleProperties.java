package org.chamberlink.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How repeated failed sign-ins are slowed and locked.
 *
 * @param slowAfterFailures failures of one account after which each further try must wait
 * @param lockAfterFailures failures of one account that lock it for {@code lockDuration}
 * @param addressLockAfterFailures failures from one address (any accounts) that lock the address
 * @param lockDuration how long a lock lasts; failures older than this are forgotten
 * @param slowDown the wait after the first slowed failure, growing by this much per failure
 */
@ConfigurationProperties("chamberlink.security")
record LoginThrottleProperties(@DefaultValue("3") int slowAfterFailures, @DefaultValue("5") int lockAfterFailures,
		@DefaultValue("20") int addressLockAfterFailures, @DefaultValue("15m") Duration lockDuration,
		@DefaultValue("5s") Duration slowDown) {
}

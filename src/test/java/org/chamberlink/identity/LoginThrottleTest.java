package org.chamberlink.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.LoginThrottledException.Reason;
import org.chamberlink.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The throttle's timing, on a clock the test moves: slowed after 3 failures, locked at 5, freed later. */
@IntegrationTest
class LoginThrottleTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));

	LoginThrottle throttle() {
		return new LoginThrottle(jdbc, new LoginThrottleProperties(3, 5, 20, Duration.ofMinutes(15),
				Duration.ofSeconds(5)), audit, clock);
	}

	@Test
	void slowsAfterThreeFailuresThenLocksAtFiveThenFreesAfterTheLockDuration() {
		LoginThrottle throttle = throttle();
		String user = "throttled-" + System.nanoTime();
		String address = "198.51.100." + (System.nanoTime() % 200);
		for (int i = 0; i < 2; i++) {
			throttle.recordFailure(user, address);
			assertThatNoException().isThrownBy(() -> throttle.checkAllowed(user, address));
		}
		throttle.recordFailure(user, address);
		LoginThrottledException slowed = catchThrowableOfType(LoginThrottledException.class,
				() -> throttle.checkAllowed(user, address));
		assertThat(slowed.reason()).isEqualTo(Reason.SLOWED);
		assertThat(slowed.waitAmount()).isEqualTo(5);

		clock.advance(Duration.ofSeconds(5));
		assertThatNoException().isThrownBy(() -> throttle.checkAllowed(user, address));
		throttle.recordFailure(user, address);
		assertThat(catchThrowableOfType(LoginThrottledException.class, () -> throttle.checkAllowed(user, address))
			.waitTime()).isEqualTo(Duration.ofSeconds(10));

		clock.advance(Duration.ofSeconds(10));
		assertThat(throttle.recordFailure(user, address)).get()
			.extracting(LoginThrottledException::reason)
			.isEqualTo(Reason.ACCOUNT_LOCKED);
		LoginThrottledException locked = catchThrowableOfType(LoginThrottledException.class,
				() -> throttle.checkAllowed(user, address));
		assertThat(locked.reason()).isEqualTo(Reason.ACCOUNT_LOCKED);
		assertThat(locked.waitAmount()).isEqualTo(15);

		clock.advance(Duration.ofMinutes(15));
		assertThatNoException().isThrownBy(() -> throttle.checkAllowed(user, address));
	}

	@Test
	void locksAnAddressThatFailsForManyAccounts() {
		LoginThrottle throttle = throttle();
		String address = "203.0.113." + (System.nanoTime() % 200);
		for (int i = 0; i < 20; i++) {
			throttle.recordFailure("spray-" + i + "-" + System.nanoTime(), address);
		}
		assertThat(catchThrowableOfType(LoginThrottledException.class,
				() -> throttle.checkAllowed("someone-else", address))
			.reason()).isEqualTo(Reason.ADDRESS_LOCKED);
	}

	@Test
	void locksTheAddressEvenWhenItsLimitIsPassedOnAnotherAccountsLock() {
		LoginThrottle throttle = throttle();
		String address = "192.0.2." + (System.nanoTime() % 200);
		// 4 accounts x 5 failures: the 20th failure is also the 4th account's 5th.
		for (int account = 0; account < 4; account++) {
			String user = "sprayed-" + account + "-" + System.nanoTime();
			for (int i = 0; i < 5; i++) {
				throttle.recordFailure(user, address);
			}
		}
		assertThat(catchThrowableOfType(LoginThrottledException.class,
				() -> throttle.checkAllowed("a-fresh-account", address))
			.reason()).isEqualTo(Reason.ADDRESS_LOCKED);
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}

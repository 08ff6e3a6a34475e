package org.chamberlink.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.LoginThrottledException.Reason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and per address in the database (so every instance sees
 * the same counts). After a few failures each further try must wait a growing time; after more,
 * the account or the address is locked for a while. Failures and locks are audited.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final LoginThrottleProperties properties;

	private final AuditTrail audit;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** Throws when this try must not even be checked. */
	@Transactional(readOnly = true)
	public void checkAllowed(String username, String address) {
		Instant now = clock.instant();
		Optional<Counter> account = find(accountKey(username));
		Optional<Counter> origin = find(addressKey(address));
		if (origin.isPresent() && origin.get().lockedAt(now)) {
			throw new LoginThrottledException(Reason.ADDRESS_LOCKED, origin.get().lockRemaining(now));
		}
		if (account.isPresent()) {
			Counter counter = account.get();
			if (counter.lockedAt(now)) {
				throw new LoginThrottledException(Reason.ACCOUNT_LOCKED, counter.lockRemaining(now));
			}
			Duration wait = slowDownRemaining(counter, now);
			if (!wait.isZero()) {
				throw new LoginThrottledException(Reason.SLOWED, wait);
			}
		}
	}

	/** Records a failed try; returns the lock it caused, if any. */
	@Transactional
	public Optional<LoginThrottledException> recordFailure(String username, String address) {
		Instant now = clock.instant();
		audit.record(AuditEntry.of(AuditAction.LOGIN_FAILED).entity("UserAccount", username).by(username));
		int accountFailures = increment(accountKey(username), now);
		int addressFailures = increment(addressKey(address), now);
		// Both limits are checked on every failure (>=, not ==): an address spraying several
		// accounts is locked even when its count passes the limit on another account's lock.
		Optional<LoginThrottledException> lock = Optional.empty();
		if (addressFailures >= properties.addressLockAfterFailures() && lock(addressKey(address), now)) {
			audit.record(AuditEntry.of(AuditAction.LOGIN_LOCKED)
				.entity("Address", address)
				.summary("audit.summary.addressLocked", addressFailures)
				.by(username));
			lock = Optional.of(new LoginThrottledException(Reason.ADDRESS_LOCKED, properties.lockDuration()));
		}
		if (accountFailures >= properties.lockAfterFailures() && lock(accountKey(username), now)) {
			audit.record(AuditEntry.of(AuditAction.LOGIN_LOCKED)
				.entity("UserAccount", username)
				.summary("audit.summary.accountLocked", accountFailures)
				.by(username));
			lock = Optional.of(new LoginThrottledException(Reason.ACCOUNT_LOCKED, properties.lockDuration()));
		}
		return lock;
	}

	@Transactional
	public void recordSuccess(String username) {
		jdbc.sql("delete from login_throttle where throttle_key = :key").param("key", accountKey(username)).update();
	}

	private Duration slowDownRemaining(Counter counter, Instant now) {
		int over = counter.failures() - properties.slowAfterFailures() + 1;
		if (over <= 0 || properties.slowDown().isZero()) {
			return Duration.ZERO;
		}
		Instant allowedAt = counter.lastFailureAt().plus(properties.slowDown().multipliedBy(over));
		return now.isBefore(allowedAt) ? Duration.between(now, allowedAt) : Duration.ZERO;
	}

	private int increment(String key, Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		OffsetDateTime forgetBefore = now.minus(properties.lockDuration()).atOffset(ZoneOffset.UTC);
		// Failures older than the lock duration are forgotten rather than accumulated forever.
		return jdbc.sql("""
				insert into login_throttle (throttle_key, failures, last_failure_at) values (:key, 1, :now)
				on conflict (throttle_key) do update set
				  failures = case when login_throttle.last_failure_at < :forgetBefore
				                   and (login_throttle.locked_until is null or login_throttle.locked_until < :now)
				                  then 1 else login_throttle.failures + 1 end,
				  locked_until = case when login_throttle.locked_until < :now then null
				                      else login_throttle.locked_until end,
				  last_failure_at = :now
				returning failures
				""").param("key", key).param("now", at).param("forgetBefore", forgetBefore).query(Integer.class).single();
	}

	/** Locks the key unless it is locked already; true when this call locked it. */
	private boolean lock(String key, Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		return jdbc.sql("""
				update login_throttle set locked_until = :until
				where throttle_key = :key and (locked_until is null or locked_until <= :now)
				""")
			.param("until", now.plus(properties.lockDuration()).atOffset(ZoneOffset.UTC))
			.param("key", key)
			.param("now", at)
			.update() > 0;
	}

	private Optional<Counter> find(String key) {
		return jdbc.sql("select failures, last_failure_at, locked_until from login_throttle where throttle_key = :key")
			.param("key", key)
			.query((rs, n) -> new Counter(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					Optional.ofNullable(rs.getObject(3, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
			.optional();
	}

	private static String accountKey(String username) {
		return "user:" + username.trim().toLowerCase();
	}

	private static String addressKey(String address) {
		return "ip:" + address;
	}

	private record Counter(int failures, Instant lastFailureAt, Instant lockedUntil) {

		boolean lockedAt(Instant now) {
			return lockedUntil != null && now.isBefore(lockedUntil);
		}

		Duration lockRemaining(Instant now) {
			return Duration.between(now, lockedUntil);
		}

	}

}

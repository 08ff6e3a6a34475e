package org.chamberlink.benefit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A card's code: {@code CL.<party>.<issued>.<signature>}, the signature an HMAC-SHA256 (first 16
 * bytes, base64url) over the member and the second it was issued, valid {@link #LIFETIME} from
 * then. The key is the installation's, made once in the database by the first instance that
 * needs it, so every instance signs and checks alike and a restart changes nothing. A code whose
 * signature does not match — made up, or a real code with another member's number written in —
 * is forged; nothing of it is trusted.
 */
@Component
class CardCodes {

	/** How long a code shown on a phone stays good; the card page fetches a new one every minute. */
	static final Duration LIFETIME = Duration.ofMinutes(2);

	/** A code stamped later than this ahead of the server's clock is not one it issued. */
	private static final Duration SKEW = Duration.ofSeconds(30);

	private static final Pattern FORMAT = Pattern.compile("CL\\.([1-9][0-9]{0,18})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{22})");

	enum Problem {
		FORGED, EXPIRED
	}

	/** A code read: the member and when it was issued, or what is wrong with it. */
	record Read(Long partyId, long issuedAt, Problem problem) {

		boolean good() {
			return problem == null;
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile SecretKeySpec key;

	private final TransactionTemplate ownTransaction;

	CardCodes(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		// the key is made in a transaction of its own: the first check may run in a read-only one
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	String issue(Long partyId) {
		long issued = clock.instant().getEpochSecond();
		return "CL." + partyId + "." + issued + "." + signature(partyId, issued);
	}

	Instant expiresAt(String code) {
		Matcher m = FORMAT.matcher(code);
		return m.matches() ? Instant.ofEpochSecond(Long.parseLong(m.group(2))).plus(LIFETIME) : clock.instant();
	}

	Read read(String typed) {
		String code = typed == null ? "" : typed.strip();
		Matcher m = FORMAT.matcher(code);
		if (!m.matches()) {
			return new Read(null, 0, Problem.FORGED);
		}
		long party;
		try {
			party = Long.parseLong(m.group(1));
		}
		catch (NumberFormatException tooLong) {
			return new Read(null, 0, Problem.FORGED);
		}
		long issued = Long.parseLong(m.group(2));
		if (!MessageDigest.isEqual(signature(party, issued).getBytes(StandardCharsets.US_ASCII),
				m.group(3).getBytes(StandardCharsets.US_ASCII))) {
			return new Read(null, 0, Problem.FORGED);
		}
		Instant now = clock.instant();
		Instant at = Instant.ofEpochSecond(issued);
		if (at.isAfter(now.plus(SKEW))) {
			return new Read(null, 0, Problem.FORGED);
		}
		if (!at.plus(LIFETIME).isAfter(now)) {
			return new Read(party, issued, Problem.EXPIRED);
		}
		return new Read(party, issued, null);
	}

	private String signature(long partyId, long issued) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			byte[] full = mac.doFinal((partyId + "." + issued).getBytes(StandardCharsets.US_ASCII));
			byte[] shortened = new byte[16];
			System.arraycopy(full, 0, shortened, 0, 16);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(shortened);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Card signature", e);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec known = key;
		if (known != null) {
			return known;
		}
		byte[] secret = ownTransaction.execute(status -> stored().orElseGet(() -> {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			// another instance may make it at the same moment: the first one written is everyone's
			jdbc.sql("insert into benefit_card_key (id, secret) values (1, :secret) on conflict (id) do nothing")
				.param("secret", fresh)
				.update();
			return stored().orElseThrow();
		}));
		key = new SecretKeySpec(secret, "HmacSHA256");
		return key;
	}

	private Optional<byte[]> stored() {
		return jdbc.sql("select secret from benefit_card_key where id = 1").query(byte[].class).optional();
	}

}

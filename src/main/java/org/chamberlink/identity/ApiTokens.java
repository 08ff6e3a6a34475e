package org.chamberlink.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Personal API tokens: a user creates one (the secret is shown once), lists and revokes their
 * own. A token is looked up by the hash of its secret on every request, so revocation takes
 * effect at once on every instance.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "clk_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final UserAccountRepository accounts;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApiTokenCache cache;

	private final TransactionOperations transactions;

	ApiTokens(ApiTokenRepository tokens, UserAccountRepository accounts, AuditTrail audit, Clock clock, ApiTokenCache cache,
			PlatformTransactionManager transactionManager) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.cache = cache;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	public record TokenInfo(Long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
			Instant revokedAt) {

		public boolean revoked() {
			return revokedAt != null;
		}

		public java.time.LocalDateTime createdInChina() {
			return ChinaTime.of(createdAt);
		}

		public java.time.LocalDateTime lastUsedInChina() {
			return ChinaTime.of(lastUsedAt);
		}

	}

	/** A created token with its secret, which is never shown again. */
	public record CreatedToken(TokenInfo token, String secret) {
	}

	@Transactional
	public CreatedToken create(Long userId, String name) {
		if (!StringUtils.hasText(name) || name.trim().length() > 100) {
			throw new RuleViolationException("name", "token.nameRequired");
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		ApiToken token = tokens
			.save(new ApiToken(userId, name.trim(), secret.substring(0, 12), hash(secret), clock.instant()));
		audit.record(AuditEntry.of(AuditAction.TOKEN_CREATED).entity("ApiToken", token.getId()).summary(name.trim()));
		return new CreatedToken(token.toInfo(), secret);
	}

	@Transactional(readOnly = true)
	public List<TokenInfo> list(Long userId) {
		return tokens.findByUserIdOrderByCreatedAtDesc(userId).stream().map(ApiToken::toInfo).toList();
	}

	/** Revokes one of the user's own tokens; another user's token id answers not found. */
	@Transactional
	public void revoke(Long userId, Long tokenId) {
		ApiToken token = tokens.findByIdAndUserId(tokenId, userId)
			.orElseThrow(() -> new RecordNotFoundException("ApiToken", tokenId));
		token.revoke(clock.instant());
		cache.clearAfterCommit();
		audit.record(AuditEntry.of(AuditAction.TOKEN_REVOKED).entity("ApiToken", tokenId).summary(token.getName()));
	}

	/**
	 * The account a presented secret belongs to, if the token is live and the account enabled. A
	 * token this instance confirmed in the last minute answers from memory ({@link ApiTokenCache}:
	 * any change to a token or an account empties it on every instance at commit).
	 */
	Optional<AccountPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String hash = hash(secret);
		Optional<AccountPrincipal> known = cache.get(hash, clock.instant());
		if (known.isPresent()) {
			return known;
		}
		long generation = cache.generation();
		Optional<AccountPrincipal> principal = transactions.execute(status -> lookUp(hash));
		principal.ifPresent(p -> cache.put(hash, p, clock.instant(), generation));
		return principal;
	}

	private Optional<AccountPrincipal> lookUp(String hash) {
		return tokens.findByTokenHashAndRevokedAtIsNull(hash).flatMap(token -> {
			Optional<AccountPrincipal> principal = accounts.findById(token.getUserId())
				.map(UserAccount::toPrincipal)
				.filter(AccountPrincipal::isEnabled);
			principal.filter(p -> token.used(clock.instant())).ifPresent(p -> {
				audit.record(AuditEntry.of(AuditAction.TOKEN_USED)
					.entity("ApiToken", token.getId())
					.summary(token.getName())
					.by(p.getUsername()));
			});
			return principal;
		});
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}

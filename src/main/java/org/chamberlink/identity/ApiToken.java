package org.chamberlink.identity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A personal API token. Only the SHA-256 of its secret is kept; the secret is shown once. */
@Entity
@Table(name = "api_token")
class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long userId;

	private String name;

	private String tokenPrefix;

	private String tokenHash;

	private Instant createdAt;

	private Instant lastUsedAt;

	private Instant revokedAt;

	protected ApiToken() {
	}

	ApiToken(Long userId, String name, String tokenPrefix, String tokenHash, Instant createdAt) {
		this.userId = userId;
		this.name = name;
		this.tokenPrefix = tokenPrefix;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
	}

	void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	/**
	 * Records a use, at most once a minute: the audit log and the token's "last used" say who
	 * used it when, without a write (and a synchronous commit) on every API call.
	 *
	 * @return whether this use was recorded
	 */
	boolean used(Instant now) {
		if (lastUsedAt != null && lastUsedAt.isAfter(now.minusSeconds(60))) {
			return false;
		}
		lastUsedAt = now;
		return true;
	}

	ApiTokens.TokenInfo toInfo() {
		return new ApiTokens.TokenInfo(id, name, tokenPrefix, createdAt, lastUsedAt, revokedAt);
	}

	Long getId() {
		return id;
	}

	Long getUserId() {
		return userId;
	}

	String getName() {
		return name;
	}

	boolean isRevoked() {
		return revokedAt != null;
	}

}

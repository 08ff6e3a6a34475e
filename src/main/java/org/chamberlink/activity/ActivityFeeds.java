package org.chamberlink.activity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar feeds (.ics) behind secret links: one per organisation (its subtree's activities, for the
 * office's calendar) and one per member's sign-in (what the member may attend). Whoever holds the
 * link reads the feed without signing in, as calendar applications do; a reset replaces the token,
 * and the old link answers as one that never existed.
 */
@Service
public class ActivityFeeds {

	/** How far back a feed reaches: last season's activities stay in the calendar, older ones drop out. */
	static final Duration HISTORY = Duration.ofDays(180);

	/** The most activities a feed carries. */
	static final int LIMIT = 1000;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A feed as its link opens it: whose it is (an organisation's name, a member's) and its activities, by start. */
	public record Feed(String name, boolean member, List<ActivityView> activities) {
	}

	private record Owner(Long orgId, Long accountId) {
	}

	private final JdbcClient jdbc;

	private final Activities activities;

	private final Organizations organizations;

	private final PartyEmails parties;

	private final AccountManagement accounts;

	private final AuditTrail audit;

	private final Clock clock;

	ActivityFeeds(JdbcClient jdbc, Activities activities, Organizations organizations, PartyEmails parties,
			AccountManagement accounts, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.organizations = organizations;
		this.parties = parties;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** The organisation's feed token, if a link was made (the organisation in the caller's scope). */
	@Transactional(readOnly = true)
	@PreAuthorize(RoleGroups.READERS)
	public Optional<String> orgToken(Long orgId) {
		organizations.get(orgId);
		return jdbc.sql("select token from activity_feed where org_id = :org").param("org", orgId).query(String.class).optional();
	}

	/** Makes the organisation's link, or replaces it: the old link stops working. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public String resetOrg(Long orgId) {
		OrganizationSummary org = organizations.get(orgId);
		jdbc.sql("delete from activity_feed where org_id = :org").param("org", orgId).update();
		String token = newToken();
		jdbc.sql("insert into activity_feed (token, org_id, created_at) values (:token, :org, :now)")
			.param("token", token)
			.param("org", orgId)
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.update();
		audit.record(AuditEntry.of("ACTIVITY_FEED_RESET").entity("Organization", orgId).org(orgId).summary(org.name()));
		return token;
	}

	/** The signed-in member's own feed token, if they made a link. */
	@Transactional(readOnly = true)
	public Optional<String> ownToken(AccountPrincipal member) {
		return jdbc.sql("select token from activity_feed where account_id = :account").param("account", member.id())
			.query(String.class).optional();
	}

	/** Makes the member's own link, or replaces it. */
	@Transactional
	public String resetOwn(AccountPrincipal member) {
		jdbc.sql("delete from activity_feed where account_id = :account").param("account", member.id()).update();
		String token = newToken();
		jdbc.sql("insert into activity_feed (token, account_id, created_at) values (:token, :account, :now)")
			.param("token", token)
			.param("account", member.id())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.update();
		return token;
	}

	/**
	 * The feed behind a link, opened without signing in: the link is the key. Unscoped by design;
	 * an unknown (or replaced) token, a disabled sign-in and one that is no longer a member's find nothing.
	 */
	@Transactional(readOnly = true)
	public Optional<Feed> feedUnscoped(String token) {
		if (token == null || token.length() != 43) {
			return Optional.empty();
		}
		return jdbc.sql("select org_id, account_id from activity_feed where token = :token").param("token", token)
			.query(Owner.class).optional()
			.flatMap(owner -> owner.orgId() != null ? orgFeed(owner.orgId()) : memberFeed(owner.accountId()));
	}

	private Optional<Feed> orgFeed(Long orgId) {
		Optional<String> path = organizations.pathUnscoped(orgId);
		if (path.isEmpty()) {
			return Optional.empty();
		}
		DataScope subtree = DataScope.subtree(path.get());
		List<ActivityView> rows = activities.named(jdbc.sql(ActivityView.COLUMNS + " where " + subtree.on("a.org_path")
				+ " and a.status <> 'DRAFT' and a.starts_at >= :since order by a.starts_at, a.id limit " + LIMIT)
			.params(subtree.param())
			.param("since", since())
			.query(ActivityView.MAPPER)
			.list());
		String name = organizations.namesUnscoped(List.of(orgId)).getOrDefault(orgId, "");
		return Optional.of(new Feed(name, false, rows));
	}

	private Optional<Feed> memberFeed(Long accountId) {
		Optional<AccountPrincipal> member = accounts.usernameOf(accountId).flatMap(accounts::findByUsername)
			.filter(account -> account.isEnabled() && account.hasRole(Role.MEMBER));
		Optional<Long> party = member.flatMap(parties::partyOf);
		if (party.isEmpty()) {
			return Optional.empty();
		}
		// a cancelled activity stays in the calendar of those who had signed up for it, marked cancelled
		List<ActivityView> rows = activities.named(jdbc.sql(ActivityView.COLUMNS + " where a.starts_at >= :since and "
				+ OwnActivities.IN_AUDIENCE + " and (a.status in ('PUBLISHED', 'HELD', 'CLOSED') or a.status = 'CANCELLED' and exists ("
				+ "select 1 from activity_attendee t where t.activity_id = a.id and t.party_id = :party))"
				+ " order by a.starts_at, a.id limit " + LIMIT)
			.param("since", since())
			.param("party", party.get())
			.param("today", ActivityPlanning.today(clock))
			.query(ActivityView.MAPPER)
			.list());
		return Optional.of(new Feed(member.get().displayName(), true, rows));
	}

	private java.sql.Timestamp since() {
		Instant now = clock.instant();
		return java.sql.Timestamp.from(now.minus(HISTORY));
	}

	/** 32 random bytes, base64url without padding: 43 characters. */
	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

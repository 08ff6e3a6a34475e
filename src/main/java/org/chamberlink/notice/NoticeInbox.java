package org.chamberlink.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recipients' side: an organisation's inbox (what was sent to the organisation of the signed-in
 * account) and a member's (what was sent to the member's party), published and not expired, pinned
 * first, newest next. Opening a notice records the receipt — who and when — the first time only,
 * and counts it on the notice. A notice not sent to the caller answers as one that does not exist.
 */
@Service
public class NoticeInbox {

	private static final String VISIBLE = " and n.publish_at <= :now and (n.expires_at is null or n.expires_at > :now)";

	private static final String ORG_FROM = """
			, y.submitted_at from notice_org_recipient r join notice n on n.id = r.notice_id
			join published_organization o on o.org_id = n.org_id
			left join notice_reply y on y.notice_id = n.id and y.org_id = r.org_id
			where r.org_id = :org""" + VISIBLE;

	private static final String MEMBER_FROM = """
			, null as submitted_at from notice_member_recipient r join notice n on n.id = r.notice_id
			join published_organization o on o.org_id = n.org_id
			where r.party_id = :party""" + VISIBLE;

	private final JdbcClient jdbc;

	private final PartyEmails parties;

	private final Clock clock;

	NoticeInbox(JdbcClient jdbc, PartyEmails parties, Clock clock) {
		this.jdbc = jdbc;
		this.parties = parties;
		this.clock = clock;
	}

	/** The inbox of the caller's organisation; empty for an account above every organisation. */
	@Transactional(readOnly = true)
	public Page<InboxItem> forOrganization(AccountPrincipal me, boolean unreadOnly, Pageable pageable) {
		if (me.orgId() == null) {
			return Page.empty(pageable);
		}
		Instant now = clock.instant();
		String unread = unreadOnly ? " and r.read_at is null" : "";
		long total = jdbc.sql("select count(*) from notice_org_recipient r join notice n on n.id = r.notice_id where r.org_id = :org"
				+ VISIBLE + unread).param("org", me.orgId()).param("now", Timestamp.from(now)).query(Long.class).single();
		List<InboxItem> rows = jdbc.sql(InboxItem.COLUMNS.formatted("y.status") + ORG_FROM + unread
				+ " order by n.pinned desc, n.publish_at desc, n.id desc limit :limit offset :offset")
			.param("org", me.orgId())
			.param("now", Timestamp.from(now))
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(InboxItem.mapper(now))
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** How many notices of the caller's organisation's inbox are unread. */
	@Transactional(readOnly = true)
	public long unreadForOrganization(AccountPrincipal me) {
		if (me.orgId() == null) {
			return 0;
		}
		// a withdrawn notice no longer waits to be read
		return jdbc.sql("select count(*) from notice_org_recipient r join notice n on n.id = r.notice_id where r.org_id = :org"
				+ " and r.read_at is null and n.withdrawn_at is null" + VISIBLE).param("org", me.orgId()).param("now", Timestamp.from(clock.instant()))
			.query(Long.class).single();
	}

	/** Opens a notice of the organisation's inbox and records its receipt the first time. */
	@Transactional
	public InboxItem openForOrganization(AccountPrincipal me, Long id) {
		InboxItem item = findForOrganization(me, id).orElseThrow(() -> new RecordNotFoundException("Notice", id));
		if (!item.read()) {
			int first = jdbc.sql("""
					update notice_org_recipient set read_at = :now, read_by = :by, read_by_name = :name
					where notice_id = :id and org_id = :org and read_at is null
					""")
				.param("now", Timestamp.from(clock.instant()))
				.param("by", me.id())
				.param("name", me.displayName())
				.param("id", id)
				.param("org", me.orgId())
				.update();
			if (first == 1) {
				jdbc.sql("update notice set orgs_read = orgs_read + 1 where id = :id").param("id", id).update();
			}
			return findForOrganization(me, id).orElseThrow();
		}
		return item;
	}

	@Transactional(readOnly = true)
	public Optional<InboxItem> findForOrganization(AccountPrincipal me, Long id) {
		if (me.orgId() == null) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return jdbc.sql(InboxItem.COLUMNS.formatted("y.status") + ORG_FROM + " and n.id = :id")
			.param("org", me.orgId())
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query(InboxItem.mapper(now))
			.optional();
	}

	/** A member's inbox, all of it (a member receives few). */
	@Transactional(readOnly = true)
	public List<InboxItem> forMember(AccountPrincipal me) {
		Optional<Long> party = parties.partyOf(me);
		if (party.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		return jdbc.sql(InboxItem.COLUMNS.formatted("null") + MEMBER_FROM + " order by n.pinned desc, n.publish_at desc, n.id desc limit 200")
			.param("party", party.get())
			.param("now", Timestamp.from(now))
			.query(InboxItem.mapper(now))
			.list();
	}

	/** Opens a notice of the member's inbox and records their receipt the first time. */
	@Transactional
	public InboxItem openForMember(AccountPrincipal me, Long id) {
		Long party = parties.partyOf(me).orElseThrow(() -> new RecordNotFoundException("Notice", id));
		Instant now = clock.instant();
		InboxItem item = jdbc.sql(InboxItem.COLUMNS.formatted("null") + MEMBER_FROM + " and n.id = :id")
			.param("party", party)
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query(InboxItem.mapper(now))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Notice", id));
		if (!item.read()) {
			Optional<Long> first = jdbc.sql("update notice_member_recipient set read_at = :now, read_by = :by where notice_id = :id"
					+ " and party_id = :party and read_at is null returning org_id")
				.param("now", Timestamp.from(now))
				.param("by", me.id())
				.param("id", id)
				.param("party", party)
				.query(Long.class)
				.optional();
			if (first.isPresent()) {
				jdbc.sql("update notice set members_read = members_read + 1 where id = :id").param("id", id).update();
				jdbc.sql("update notice_member_tally set read = read + 1 where notice_id = :id and org_id = :org").param("id", id)
					.param("org", first.get()).update();
			}
			return new InboxItem(item.id(), item.senderName(), item.kind(), item.title(), item.bodyHtml(), item.publishAt(),
					item.expiresAt(), item.pinned(), item.dueAt(), now, item.replyStatus(), item.editedAt(), item.withdrawnAt(),
					item.withdrawReason());
		}
		return item;
	}

	/** Whether the notice went to the member (for its files). */
	boolean reachesMember(AccountPrincipal me, Long id) {
		Optional<Long> party = parties.partyOf(me);
		return party.isPresent() && jdbc.sql("select count(*) from notice_member_recipient r join notice n on n.id = r.notice_id"
				+ " where r.notice_id = :id and r.party_id = :party and n.publish_at <= :now")
			.param("id", id).param("party", party.get()).param("now", Timestamp.from(clock.instant())).query(Long.class).single() > 0;
	}

	/** Whether the notice went to the caller's organisation (for its files). */
	boolean reachesOrganization(AccountPrincipal me, Long id) {
		return me.orgId() != null && jdbc.sql("select count(*) from notice_org_recipient r join notice n on n.id = r.notice_id"
				+ " where r.notice_id = :id and r.org_id = :org and n.publish_at <= :now")
			.param("id", id).param("org", me.orgId()).param("now", Timestamp.from(clock.instant())).query(Long.class).single() > 0;
	}

}

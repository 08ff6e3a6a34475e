package org.chamberlink.notice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.LikePattern;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices as their senders see them, in the caller's scope (the sender's path lies in it): the list
 * of what was sent, one notice, and its receipt board — read and unread per organisation, the
 * members' receipts counted per organisation, and one organisation's members drilled down. A notice
 * outside the scope answers as one that does not exist.
 */
@Service
public class Notices {

	/** An organisation a notice went to, and whether and when one of its accounts read it. */
	public record OrgReceipt(Long orgId, String orgName, Instant readAt, String readByName, java.time.LocalDate remindedOn) {

		public java.time.LocalDateTime readLocal() {
			return readAt == null ? null : org.chamberlink.shared.ChinaTime.of(readAt);
		}

	}

	/** The members of one organisation a notice went to, and of them those who read it. */
	public record MemberTally(Long orgId, String orgName, long members, long read) {

		public org.chamberlink.shared.Rate rate() {
			return org.chamberlink.shared.Rate.of(read, members);
		}

	}

	/** A member a notice went to, and when they read it. */
	public record MemberReceipt(Long partyId, String name, Instant readAt) {

		public java.time.LocalDateTime readLocal() {
			return readAt == null ? null : org.chamberlink.shared.ChinaTime.of(readAt);
		}

	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final NoticeFiles files;

	Notices(JdbcClient jdbc, DataScopes scopes, NoticeFiles files) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.files = files;
	}

	@Transactional(readOnly = true)
	public Optional<NoticeView> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(NoticeView.COLUMNS + " where n.id = :id and " + scope.on("n.org_path"))
			.param("id", id)
			.params(scope.param())
			.query(NoticeView.MAPPER)
			.optional();
	}

	public NoticeView get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Notice", id));
	}

	/** What the caller's subtree sent, newest first, pinned ones of each sender first. */
	@Transactional(readOnly = true)
	public Page<NoticeView> sent(NoticeKind kind, String keyword, Pageable pageable) {
		DataScope scope = scopes.current();
		List<String> where = new ArrayList<>(List.of(scope.on("n.org_path")));
		Map<String, Object> params = new HashMap<>(scope.param());
		if (kind != null) {
			where.add("n.kind = :kind");
			params.put("kind", kind.name());
		}
		if (keyword != null && !keyword.isBlank()) {
			where.add("n.title like :keyword");
			params.put("keyword", LikePattern.containing(keyword.strip()));
		}
		String condition = String.join(" and ", where);
		long total = jdbc.sql("select count(*) from notice n where " + condition).params(params).query(Long.class).single();
		List<NoticeView> rows = jdbc.sql(NoticeView.COLUMNS + " where " + condition
				+ " order by n.publish_at desc, n.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(NoticeView.MAPPER)
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** The sender's attachments and template of a notice in scope. */
	@Transactional(readOnly = true)
	public List<NoticeFiles.Listed> files(Long id) {
		get(id);
		return files.ofNotice(id);
	}

	/** The organisations a notice in scope went to, unread first, then by name; {@code unreadOnly} leaves out those that read it. */
	@Transactional(readOnly = true)
	public Page<OrgReceipt> orgReceipts(Long id, boolean unreadOnly, Pageable pageable) {
		get(id);
		String unread = unreadOnly ? " and r.read_at is null" : "";
		long total = jdbc.sql("select count(*) from notice_org_recipient r where r.notice_id = :id" + unread)
			.param("id", id).query(Long.class).single();
		List<OrgReceipt> rows = jdbc.sql("""
				select r.org_id, o.name, r.read_at, r.read_by_name, r.reminded_on
				from notice_org_recipient r join published_organization o on o.org_id = r.org_id
				where r.notice_id = :id%s
				order by r.read_at is not null, o.path, r.org_id limit :limit offset :offset
				""".formatted(unread))
			.param("id", id)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new OrgReceipt(rs.getLong(1), rs.getString(2), NoticeView.instant(rs.getObject(3, OffsetDateTime.class)),
					rs.getString(4), rs.getObject(5, java.time.LocalDate.class)))
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/**
	 * The members of a notice in scope counted per organisation, those with the most unread first
	 * (kept as they read it: {@code notice_member_tally}, never a million recipient rows grouped).
	 */
	@Transactional(readOnly = true)
	public Page<MemberTally> memberTallies(Long id, Pageable pageable) {
		get(id);
		long total = jdbc.sql("select count(*) from notice_member_tally where notice_id = :id").param("id", id).query(Long.class).single();
		List<MemberTally> rows = jdbc.sql("""
				select t.org_id, o.name, t.members, t.read
				from notice_member_tally t join published_organization o on o.org_id = t.org_id
				where t.notice_id = :id
				order by t.members - t.read desc, o.path, t.org_id limit :limit offset :offset
				""")
			.param("id", id)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new MemberTally(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** One organisation's line of {@link #memberTallies}; none for an organisation the notice did not reach. */
	@Transactional(readOnly = true)
	public Optional<MemberTally> memberTally(Long id, Long orgId) {
		get(id);
		return jdbc.sql("""
				select t.org_id, o.name, t.members, t.read
				from notice_member_tally t join published_organization o on o.org_id = t.org_id
				where t.notice_id = :id and t.org_id = :org
				""")
			.param("id", id)
			.param("org", orgId)
			.query((rs, i) -> new MemberTally(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
			.optional();
	}

	/** One organisation's members a notice in scope went to, unread first; an organisation it did not reach has none. */
	@Transactional(readOnly = true)
	public Page<MemberReceipt> memberReceipts(Long id, Long orgId, Pageable pageable) {
		get(id);
		long total = jdbc.sql("select coalesce(sum(members), 0) from notice_member_tally where notice_id = :id and org_id = :org")
			.param("id", id).param("org", orgId).query(Long.class).single();
		// the organisation's members (ever) through the member module's index, then each one's recipient row by its key:
		// the recipient table keeps no index by organisation (V142)
		List<MemberReceipt> rows = jdbc.sql("""
				select r.party_id, p.name, r.read_at
				from (select distinct party_id from published_membership where org_id = :org) m
				join notice_member_recipient r on r.notice_id = :id and r.party_id = m.party_id and r.org_id = :org
				join published_party p on p.party_id = r.party_id
				order by r.read_at is not null, p.name, r.party_id limit :limit offset :offset
				""")
			.param("id", id)
			.param("org", orgId)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new MemberReceipt(rs.getLong(1), rs.getString(2), NoticeView.instant(rs.getObject(3, OffsetDateTime.class))))
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

}

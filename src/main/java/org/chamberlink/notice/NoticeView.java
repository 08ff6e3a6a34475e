package org.chamberlink.notice;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.Rate;

import org.springframework.jdbc.core.RowMapper;

/**
 * A notice as its sender sees it, with the receipts counted so far.
 *
 * @param orgName the sender's name
 */
public record NoticeView(Long id, Long orgId, String orgName, NoticeKind kind, String title, String bodyHtml, Instant publishAt,
		Instant expiresAt, boolean pinned, Instant dueAt, int orgRecipients, int memberRecipients, int orgsRead, int membersRead,
		String createdByName, Instant editedAt, String editedByName, int edits, Instant withdrawnAt, String withdrawnByName,
		String withdrawReason) {

	static final String COLUMNS = """
			select n.id, n.org_id, o.name as org_name, n.kind, n.title, n.body_html, n.publish_at, n.expires_at, n.pinned, n.due_at,
			       n.org_recipients, n.member_recipients, n.orgs_read, n.members_read, n.created_by_name,
			       n.edited_at, n.edited_by_name, n.edits, n.withdrawn_at, n.withdrawn_by_name, n.withdraw_reason
			from notice n join published_organization o on o.org_id = n.org_id
			""";

	static final RowMapper<NoticeView> MAPPER = (rs, i) -> new NoticeView(rs.getLong("id"), rs.getLong("org_id"),
			rs.getString("org_name"), NoticeKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body_html"),
			instant(rs.getObject("publish_at", OffsetDateTime.class)), instant(rs.getObject("expires_at", OffsetDateTime.class)),
			rs.getBoolean("pinned"), instant(rs.getObject("due_at", OffsetDateTime.class)), rs.getInt("org_recipients"),
			rs.getInt("member_recipients"), rs.getInt("orgs_read"), rs.getInt("members_read"), rs.getString("created_by_name"),
			instant(rs.getObject("edited_at", OffsetDateTime.class)), rs.getString("edited_by_name"), rs.getInt("edits"),
			instant(rs.getObject("withdrawn_at", OffsetDateTime.class)), rs.getString("withdrawn_by_name"), rs.getString("withdraw_reason"));

	static Instant instant(OffsetDateTime moment) {
		return moment == null ? null : moment.toInstant();
	}

	public boolean withdrawn() {
		return withdrawnAt != null;
	}

	public LocalDateTime editedLocal() {
		return editedAt == null ? null : ChinaTime.of(editedAt);
	}

	public LocalDateTime withdrawnLocal() {
		return withdrawnAt == null ? null : ChinaTime.of(withdrawnAt);
	}

	public boolean dataCall() {
		return kind == NoticeKind.DATA_CALL;
	}

	public LocalDateTime publishLocal() {
		return ChinaTime.of(publishAt);
	}

	public LocalDateTime expiresLocal() {
		return expiresAt == null ? null : ChinaTime.of(expiresAt);
	}

	public LocalDateTime dueLocal() {
		return dueAt == null ? null : ChinaTime.of(dueAt);
	}

	/** Organisations that read it ÷ organisations it went to. */
	public Rate orgReadRate() {
		return Rate.of(orgsRead, orgRecipients);
	}

	/** Members who read it ÷ members it went to. */
	public Rate memberReadRate() {
		return Rate.of(membersRead, memberRecipients);
	}

	public String bodyText() {
		return NoticeHtml.text(bodyHtml);
	}

}

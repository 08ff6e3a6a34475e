package org.chamberlink.notice;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.RowMapper;

/**
 * A notice as a recipient sees it in the inbox: who sent it, when, whether the recipient has read
 * it; for a data call its deadline and where the recipient's reply stands.
 */
public record InboxItem(Long id, String senderName, NoticeKind kind, String title, String bodyHtml, Instant publishAt,
		Instant expiresAt, boolean pinned, Instant dueAt, Instant readAt, ReplyStatus replyStatus, Instant editedAt, Instant withdrawnAt,
		String withdrawReason) {

	static final String COLUMNS = """
			select n.id, o.name as sender_name, n.kind, n.title, n.body_html, n.publish_at, n.expires_at, n.pinned, n.due_at,
			       r.read_at, %s as reply_status, n.edited_at, n.withdrawn_at, n.withdraw_reason
			""";

	static RowMapper<InboxItem> mapper(Instant now) {
		return (rs, i) -> {
			Instant due = NoticeView.instant(rs.getObject("due_at", OffsetDateTime.class));
			String reply = rs.getString("reply_status");
			return new InboxItem(rs.getLong("id"), rs.getString("sender_name"), NoticeKind.valueOf(rs.getString("kind")),
					// a withdrawn notice's body is no longer the recipient's to read: the reason is shown instead
					rs.getString("title"), rs.getObject("withdrawn_at") != null ? "" : rs.getString("body_html"), NoticeView.instant(rs.getObject("publish_at", OffsetDateTime.class)),
					NoticeView.instant(rs.getObject("expires_at", OffsetDateTime.class)), rs.getBoolean("pinned"), due,
					NoticeView.instant(rs.getObject("read_at", OffsetDateTime.class)),
					due == null ? null : DataCalls.status(reply, NoticeView.instant(rs.getObject("submitted_at", OffsetDateTime.class)), due, now),
					NoticeView.instant(rs.getObject("edited_at", OffsetDateTime.class)),
					NoticeView.instant(rs.getObject("withdrawn_at", OffsetDateTime.class)), rs.getString("withdraw_reason"));
		};
	}

	public boolean read() {
		return readAt != null;
	}

	public boolean withdrawn() {
		return withdrawnAt != null;
	}

	/** Changed by its sender after the recipient read it. */
	public boolean changedSinceRead() {
		return readAt != null && editedAt != null && editedAt.isAfter(readAt);
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

	public LocalDateTime dueLocal() {
		return dueAt == null ? null : ChinaTime.of(dueAt);
	}

	public LocalDateTime readLocal() {
		return readAt == null ? null : ChinaTime.of(readAt);
	}

	public String bodyText() {
		return NoticeHtml.text(bodyHtml);
	}

}

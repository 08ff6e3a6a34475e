package org.chamberlink.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Correcting and withdrawing a notice already sent, by its sender's subtree. An edit changes the
 * title, body, expiry and pinning (never the recipients), may be made until the notice is
 * withdrawn, and is audited with what changed; recipients who read it before see it marked as
 * changed since. Withdrawing takes a reason, is audited, and leaves the notice in the recipients'
 * inboxes marked withdrawn with the reason and without its body; a withdrawn data call takes no
 * more replies, a withdrawn notice no more reminders. A notice outside the scope answers as one
 * that does not exist.
 */
@Service
public class NoticeChanges {

	private final JdbcClient jdbc;

	private final Notices notices;

	private final AuditTrail audit;

	private final Clock clock;

	NoticeChanges(JdbcClient jdbc, Notices notices, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public void edit(AccountPrincipal by, Long id, NoticeEdit edit) {
		NoticeView notice = notices.get(id);
		refuseWithdrawn(notice, "title");
		if (edit.title() == null || edit.title().isBlank()) {
			throw new RuleViolationException("title", "notice.titleRequired");
		}
		TextLimit.atMost("title", "field.title", edit.title(), 200);
		if (edit.bodyHtml() != null && edit.bodyHtml().length() > 200_000) {
			throw new RuleViolationException("bodyHtml", "input.tooLong",
					new org.springframework.context.support.DefaultMessageSourceResolvable("field.bodyHtml"), 200_000);
		}
		Instant expires = edit.expiresAt() == null ? null : edit.expiresAt().atZone(ChinaTime.ZONE).toInstant();
		if (expires != null && !expires.isAfter(notice.publishAt())) {
			throw new RuleViolationException("expiresAt", "notice.expiresBeforePublished");
		}
		String title = edit.title().strip();
		String body = NoticeHtml.sanitize(edit.bodyHtml());
		Map<String, Change> changes = new LinkedHashMap<>();
		changed(changes, "title", notice.title(), title);
		changed(changes, "bodyHtml", notice.bodyText(), NoticeHtml.text(body));
		changed(changes, "expiresAt", notice.expiresLocal(), edit.expiresAt());
		changed(changes, "pinned", notice.pinned(), edit.pinned());
		if (changes.isEmpty() && Objects.equals(notice.bodyHtml(), body)) {
			return;
		}
		jdbc.sql("""
				update notice set title = :title, body_html = :body, expires_at = :expires, pinned = :pinned,
				       edited_at = :now, edited_by_name = :by, edits = edits + 1
				where id = :id and withdrawn_at is null
				""")
			.param("title", title)
			.param("body", body)
			.param("expires", expires == null ? null : Timestamp.from(expires))
			.param("pinned", edit.pinned())
			.param("now", Timestamp.from(clock.instant()))
			.param("by", by == null ? null : by.displayName())
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("NOTICE_EDITED").entity("Notice", id).org(notice.orgId())
			.summary("audit.summary.noticeEdited", title).changes(changes));
	}

	@Transactional
	public void withdraw(AccountPrincipal by, Long id, String reason) {
		NoticeView notice = notices.get(id);
		refuseWithdrawn(notice, "reason");
		if (reason == null || reason.isBlank()) {
			throw new RuleViolationException("reason", "notice.withdraw.reasonRequired");
		}
		TextLimit.atMost("reason", "field.reason", reason, 500);
		jdbc.sql("""
				update notice set withdrawn_at = :now, withdrawn_by_name = :by, withdraw_reason = :reason
				where id = :id and withdrawn_at is null
				""")
			.param("now", Timestamp.from(clock.instant()))
			.param("by", by == null ? null : by.displayName())
			.param("reason", reason.strip())
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("NOTICE_WITHDRAWN").entity("Notice", id).org(notice.orgId())
			.summary("audit.summary.noticeWithdrawn", notice.title(), reason.strip()));
	}

	static void refuseWithdrawn(NoticeView notice, String field) {
		if (notice.withdrawn()) {
			throw new RuleViolationException(field, "notice.withdrawn.refused");
		}
	}

	private static void changed(Map<String, Change> changes, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.put(field, new Change(before == null ? null : before.toString(), after == null ? null : after.toString()));
		}
	}

}

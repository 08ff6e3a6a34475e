package org.chamberlink.notice;

import java.time.LocalDateTime;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a sender may change of a notice already sent: title, rich-text body (sanitised again),
 * expiry (China time) and whether it is pinned — never whom it went to (decision 39).
 */
public record NoticeEdit(String title, String bodyHtml, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime expiresAt,
		Boolean pinned) {

	public NoticeEdit {
		pinned = Boolean.TRUE.equals(pinned);
	}

	/** The notice as it stands, to edit. */
	public static NoticeEdit of(NoticeView notice) {
		return new NoticeEdit(notice.title(), notice.bodyHtml(), notice.expiresLocal(), notice.pinned());
	}

}

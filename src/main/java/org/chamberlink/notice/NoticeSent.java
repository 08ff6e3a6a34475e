package org.chamberlink.notice;

import java.time.Instant;

/** A notice was sent (published at {@code publishAt}) to so many organisations and members. */
public record NoticeSent(Long noticeId, Long orgId, NoticeKind kind, Instant publishAt, int organizations, int members) {
}

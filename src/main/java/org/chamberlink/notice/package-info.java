/**
 * Notices (通知公告) and data calls (工作任务/报送) down the tree: an organisation sends a notice to
 * organisations below it (by level, type, kind, region or one by one) and to members (by
 * organisation, role, tier, industry); the recipients are resolved and stored when it is sent, each
 * reading records a receipt, and the sender sees who read it and reminds the unread once a day
 * through the outbox. A data call asks each target organisation for a reply by a deadline — text,
 * files or the sender's Excel template filled in — which the sender may return for correction;
 * the replies come back as one zip and the templates as one merged workbook.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices", allowedDependencies = { "shared", "member", "organization",
		"notification", "identity", "audit", "web" })
package org.chamberlink.notice;

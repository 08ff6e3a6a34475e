package org.chamberlink.notice;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may fetch a notice's file: its sender's subtree (the notice in scope); an organisation the
 * notice went to (the sender's files, and its own reply's files); a member it went to (the sender's
 * attachments). Anyone else is told the file does not exist.
 */
@Service
public class NoticeAccess {

	private final NoticeFiles files;

	private final Notices notices;

	private final NoticeInbox inbox;

	NoticeAccess(NoticeFiles files, Notices notices, NoticeInbox inbox) {
		this.files = files;
		this.notices = notices;
		this.inbox = inbox;
	}

	@Transactional(readOnly = true)
	public NoticeFiles.Download download(AccountPrincipal me, Long fileId) {
		NoticeFiles.Download file = files.load(fileId);
		if (notices.find(file.noticeId()).isPresent()) {
			return file;
		}
		boolean allowed;
		if (file.replyId() != null) {
			allowed = inbox.reachesOrganization(me, file.noticeId()) && ownReply(me, file);
		}
		else {
			allowed = inbox.reachesOrganization(me, file.noticeId())
					|| file.purpose() == NoticeFiles.Purpose.ATTACHMENT && inbox.reachesMember(me, file.noticeId());
		}
		if (!allowed) {
			throw new RecordNotFoundException("NoticeFile", fileId);
		}
		return file;
	}

	/** The sender's own files of a notice the caller received, for the inbox page. */
	@Transactional(readOnly = true)
	public java.util.List<NoticeFiles.Listed> filesReceived(AccountPrincipal me, Long noticeId, boolean member) {
		boolean reached = member ? inbox.reachesMember(me, noticeId) : inbox.reachesOrganization(me, noticeId);
		if (!reached) {
			throw new RecordNotFoundException("Notice", noticeId);
		}
		return files.ofNotice(noticeId).stream().filter(f -> !member || f.purpose() == NoticeFiles.Purpose.ATTACHMENT).toList();
	}

	private boolean ownReply(AccountPrincipal me, NoticeFiles.Download file) {
		return files.replyOrg(file.replyId()).map(org -> org.equals(me.orgId())).orElse(false);
	}

}

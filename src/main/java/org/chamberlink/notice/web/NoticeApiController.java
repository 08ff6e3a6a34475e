package org.chamberlink.notice.web;

import java.net.URI;
import java.util.List;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.notice.DataCalls;
import org.chamberlink.notice.InboxItem;
import org.chamberlink.notice.NoticeForm;
import org.chamberlink.notice.NoticeInbox;
import org.chamberlink.notice.NoticeKind;
import org.chamberlink.notice.NoticeReminders;
import org.chamberlink.notice.NoticeSending;
import org.chamberlink.notice.NoticeView;
import org.chamberlink.notice.Notices;
import org.chamberlink.shared.PageSizes;
import org.chamberlink.shared.RecordNotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/notices")
@Tag(name = "notices", description = "通知公告、回执、工作任务报送 / notices, read receipts, data calls")
class NoticeApiController {

	record Return(String reason) {
	}

	record Reply(String text) {
	}

	private final Notices notices;

	private final NoticeSending sending;

	private final NoticeInbox inbox;

	private final NoticeReminders reminders;

	private final DataCalls dataCalls;

	NoticeApiController(Notices notices, NoticeSending sending, NoticeInbox inbox, NoticeReminders reminders, DataCalls dataCalls) {
		this.notices = notices;
		this.sending = sending;
		this.inbox = inbox;
		this.reminders = reminders;
		this.dataCalls = dataCalls;
	}

	@GetMapping
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "What the caller's subtree sent, newest first")
	Page<NoticeView> list(@RequestParam(required = false) NoticeKind kind, @RequestParam(required = false) String keyword,
			@RequestParam(defaultValue = "0") int page) {
		return notices.sent(kind, keyword, PageRequest.of(Math.max(page, 0), PageSizes.LIST));
	}

	@PostMapping
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Sends a notice or a data call; recipients are resolved at once; times are China time (2026-12-05T09:00)")
	ResponseEntity<NoticeView> send(@RequestBody NoticeForm form, @AuthenticationPrincipal AccountPrincipal me) {
		Long id = sending.send(me, form);
		return ResponseEntity.created(URI.create("/api/v1/notices/" + id)).body(notices.get(id));
	}

	@GetMapping("/{id}")
	@PreAuthorize(RoleGroups.READERS)
	NoticeView get(@PathVariable Long id) {
		return notices.get(id);
	}

	@GetMapping("/{id}/receipts")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The receipt board: organisations (unread first), members counted per organisation")
	Page<Notices.OrgReceipt> receipts(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page) {
		return notices.orgReceipts(id, unread, PageRequest.of(Math.max(page, 0), PageSizes.LOG));
	}

	@GetMapping("/{id}/member-receipts")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Members counted per organisation; with org, that organisation's members and when each read it")
	Object memberReceipts(@PathVariable Long id, @RequestParam(required = false) Long org, @RequestParam(defaultValue = "0") int page) {
		if (org == null) {
			return notices.memberTallies(id);
		}
		return notices.memberReceipts(id, org, PageRequest.of(Math.max(page, 0), PageSizes.LOG));
	}

	@PostMapping("/{id}/remind")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Reminds the unread through the outbox, each at most once a day")
	NoticeReminders.Reminded remind(@PathVariable Long id) {
		return reminders.remindUnread(id);
	}

	@GetMapping("/{id}/replies")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "A data call's progress board: every target organisation and its reply")
	List<DataCalls.ReplyRow> replies(@PathVariable Long id) {
		if (!notices.get(id).dataCall()) {
			throw new RecordNotFoundException("Notice", id);
		}
		return dataCalls.board(id);
	}

	@PostMapping("/{id}/replies/{orgId}/return")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Returns an organisation's reply for correction, with the reason")
	List<DataCalls.ReplyRow> returnReply(@PathVariable Long id, @PathVariable Long orgId, @RequestBody Return body) {
		dataCalls.returnReply(id, orgId, body == null ? null : body.reason());
		return dataCalls.board(id);
	}

	@GetMapping("/inbox")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The inbox of the caller's organisation, pinned first")
	Page<InboxItem> inbox(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal AccountPrincipal me) {
		return inbox.forOrganization(me, unread, PageRequest.of(Math.max(page, 0), PageSizes.LIST));
	}

	@PostMapping("/inbox/{id}/read")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Reads a notice of the organisation's inbox: records the receipt the first time")
	InboxItem read(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me) {
		return inbox.openForOrganization(me, id);
	}

	@PostMapping(path = "/inbox/{id}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Replies to a data call with text (again after a return)")
	DataCalls.ReplyRow reply(@PathVariable Long id, @RequestBody Reply body, @AuthenticationPrincipal AccountPrincipal me) {
		dataCalls.reply(me, id, body == null ? null : body.text(), List.of());
		return dataCalls.ownReply(me, id).orElseThrow();
	}

	@PostMapping(path = "/inbox/{id}/reply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Replies to a data call with text and files (multipart: text, file…), e.g. the filled-in template")
	DataCalls.ReplyRow replyWithFiles(@PathVariable Long id, @RequestParam(required = false) String text,
			@RequestParam(name = "file", required = false) List<MultipartFile> files, @AuthenticationPrincipal AccountPrincipal me) {
		dataCalls.reply(me, id, text, NoticeUploads.of(files));
		return dataCalls.ownReply(me, id).orElseThrow();
	}

}

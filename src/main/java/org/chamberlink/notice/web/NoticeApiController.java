package org.chamberlink.notice.web;

import java.net.URI;
import java.util.List;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.notice.DataCalls;
import org.chamberlink.notice.NoticeAccess;
import org.chamberlink.notice.NoticeChanges;
import org.chamberlink.notice.NoticeEdit;
import org.chamberlink.notice.NoticeFiles;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
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

	private final NoticeChanges changes;

	private final NoticeAccess access;

	NoticeApiController(Notices notices, NoticeSending sending, NoticeInbox inbox, NoticeReminders reminders, DataCalls dataCalls,
			NoticeChanges changes, NoticeAccess access) {
		this.changes = changes;
		this.access = access;
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

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Sends a notice or a data call with files (multipart: notice = the JSON as for the plain POST, "
			+ "attachment… = files, template = a data call's Excel template)")
	ResponseEntity<NoticeView> sendWithFiles(@RequestPart("notice") NoticeForm form,
			@RequestParam(name = "attachment", required = false) List<MultipartFile> attachments,
			@RequestParam(name = "template", required = false) MultipartFile template, @AuthenticationPrincipal AccountPrincipal me) {
		Long id = sending.send(me, form, NoticeUploads.of(attachments), NoticeUploads.of(template));
		return ResponseEntity.created(URI.create("/api/v1/notices/" + id)).body(notices.get(id));
	}

	@GetMapping("/{id}")
	@PreAuthorize(RoleGroups.READERS)
	NoticeView get(@PathVariable Long id) {
		return notices.get(id);
	}

	@PutMapping("/{id}")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Corrects a notice: title, body, expiry (China time), pinned — never its recipients; refused once withdrawn")
	NoticeView edit(@PathVariable Long id, @RequestBody NoticeEdit edit, @AuthenticationPrincipal AccountPrincipal me) {
		changes.edit(me, id, edit);
		return notices.get(id);
	}

	@PostMapping("/{id}/withdraw")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Withdraws a notice with a reason; its recipients see it withdrawn, with the reason and without its body")
	NoticeView withdraw(@PathVariable Long id, @RequestBody Return body, @AuthenticationPrincipal AccountPrincipal me) {
		changes.withdraw(me, id, body == null ? null : body.reason());
		return notices.get(id);
	}

	@GetMapping("/{id}/files")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The sender's attachments and a data call's template (download each at /api/v1/notices/files/{fileId})")
	List<NoticeFiles.Listed> files(@PathVariable Long id) {
		return notices.files(id);
	}

	@GetMapping("/inbox/{id}/files")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The files of a notice in the organisation's inbox (its sender's, and its own reply's)")
	List<NoticeFiles.Listed> inboxFiles(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me) {
		return access.filesReceived(me, id, false);
	}

	@GetMapping("/files/{fileId}")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "A file as a download, with its stored type (sender's subtree, or an organisation the notice went to)")
	ResponseEntity<byte[]> download(@PathVariable Long fileId, @AuthenticationPrincipal AccountPrincipal me) {
		return NoticeUploads.send(access.download(me, fileId));
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
	@Operation(summary = "Members counted per organisation (a page, most unread first); with org, that organisation's members and when each read it")
	Object memberReceipts(@PathVariable Long id, @RequestParam(required = false) Long org, @RequestParam(defaultValue = "0") int page) {
		if (org == null) {
			return notices.memberTallies(id, PageRequest.of(Math.max(page, 0), PageSizes.LOG));
		}
		return notices.memberReceipts(id, org, PageRequest.of(Math.max(page, 0), PageSizes.LOG));
	}

	@PostMapping("/{id}/remind")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Queues today's reminder of the unread (a background job; each recipient at most once a day); "
			+ "202 with the job, whose progress GET /{id}/reminders/latest shows")
	ResponseEntity<NoticeReminders.ReminderJob> remind(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me) {
		return ResponseEntity.accepted().location(URI.create("/api/v1/notices/" + id + "/reminders/latest")).body(reminders.request(id, me));
	}

	@GetMapping("/{id}/reminders/latest")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The newest reminder job of a notice: status (QUEUED, RUNNING, DONE, FAILED) and counts so far")
	NoticeReminders.ReminderJob latestReminder(@PathVariable Long id) {
		return reminders.latest(id).orElseThrow(() -> new RecordNotFoundException("NoticeReminderJob", id));
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

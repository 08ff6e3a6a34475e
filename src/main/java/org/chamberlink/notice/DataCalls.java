package org.chamberlink.notice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;
import org.chamberlink.shared.XlsxWriter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data calls (工作任务/报送): each target organisation replies — text, files, the sender's Excel
 * template filled in — by the deadline; the sender follows the progress board, returns a reply for
 * correction with a reason (the organisation replies again), and takes all replies as one zip and
 * the filled-in templates merged into one workbook, the organisation's name in the first column.
 */
@Service
public class DataCalls {

	/** An organisation's line on the progress board; the reply's fields are null while it has not replied. */
	public record ReplyRow(Long orgId, String orgName, ReplyStatus status, Long replyId, String text, Instant submittedAt,
			String submittedByName, Instant returnedAt, String returnReason, int rounds, List<NoticeFiles.Listed> files) {

		public java.time.LocalDateTime submittedLocal() {
			return submittedAt == null ? null : ChinaTime.of(submittedAt);
		}

	}

	/** The board's counts by status. */
	public record Progress(long notStarted, long submitted, long late, long returned) {

		public long total() {
			return notStarted + submitted + late + returned;
		}

	}

	private final JdbcClient jdbc;

	private final Notices notices;

	private final NoticeInbox inbox;

	private final NoticeFiles files;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.chamberlink.identity.AccountManagement accounts;

	private final org.chamberlink.identity.AccountEmails accountEmails;

	private final org.chamberlink.notification.Notifications notifications;

	private final org.springframework.context.MessageSource messageSource;

	DataCalls(JdbcClient jdbc, Notices notices, NoticeInbox inbox, NoticeFiles files, AuditTrail audit, Clock clock,
			org.chamberlink.identity.AccountManagement accounts, org.chamberlink.identity.AccountEmails accountEmails,
			org.chamberlink.notification.Notifications notifications, org.springframework.context.MessageSource messageSource) {
		this.accounts = accounts;
		this.accountEmails = accountEmails;
		this.notifications = notifications;
		this.messageSource = messageSource;
		this.jdbc = jdbc;
		this.notices = notices;
		this.inbox = inbox;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/** Where a reply stands: a reply after the deadline, or none by it, is late; a returned one is returned until replied again. */
	static ReplyStatus status(String replyStatus, Instant submittedAt, Instant due, Instant now) {
		if ("RETURNED".equals(replyStatus)) {
			return ReplyStatus.RETURNED;
		}
		if (replyStatus == null) {
			return now.isAfter(due) ? ReplyStatus.LATE : ReplyStatus.NOT_STARTED;
		}
		return submittedAt != null && submittedAt.isAfter(due) ? ReplyStatus.LATE : ReplyStatus.SUBMITTED;
	}

	/**
	 * The caller's organisation replies to a data call it received, or replies again after a return
	 * (new files replace the earlier ones; none keeps them). A reply already in stands until the
	 * sender returns it.
	 */
	@Transactional
	public void reply(AccountPrincipal me, Long noticeId, String text, List<NoticeUpload> uploads) {
		InboxItem call = inbox.findForOrganization(me, noticeId)
			.filter(InboxItem::dataCall)
			.orElseThrow(() -> new RecordNotFoundException("Notice", noticeId));
		if (call.withdrawn()) {
			throw new RuleViolationException("text", "notice.withdrawn.refused");
		}
		String value = text == null || text.isBlank() ? null : text.strip();
		TextLimit.atMost("text", "field.replyText", value, 4000);
		NoticeFiles.check("files", uploads);
		Instant now = clock.instant();
		Map<String, Object> existing = jdbc.sql("select id, status from notice_reply where notice_id = :n and org_id = :org for update")
			.param("n", noticeId).param("org", me.orgId()).query().listOfRows().stream().findFirst().orElse(null);
		Long replyId;
		if (existing == null) {
			if (value == null && uploads.isEmpty()) {
				throw new RuleViolationException("text", "notice.reply.empty");
			}
			replyId = jdbc.sql("""
					insert into notice_reply (notice_id, org_id, status, text, submitted_at, submitted_by, submitted_by_name)
					values (:n, :org, 'SUBMITTED', :text, :now, :by, :name) returning id
					""")
				.param("n", noticeId).param("org", me.orgId()).param("text", value).param("now", Timestamp.from(now))
				.param("by", me.id()).param("name", me.displayName()).query(Long.class).single();
		}
		else {
			if (!"RETURNED".equals(existing.get("status"))) {
				throw new RuleViolationException("text", "notice.reply.alreadyIn");
			}
			replyId = ((Number) existing.get("id")).longValue();
			boolean keepsFiles = uploads.isEmpty() && jdbc.sql("select count(*) from notice_file where reply_id = :r").param("r", replyId)
				.query(Long.class).single() > 0;
			if (value == null && !keepsFiles) {
				throw new RuleViolationException("text", "notice.reply.empty");
			}
			if (!uploads.isEmpty()) {
				files.removeOfReply(replyId);
			}
			jdbc.sql("""
					update notice_reply set status = 'SUBMITTED', text = :text, submitted_at = :now, submitted_by = :by,
					       submitted_by_name = :name, rounds = rounds + 1 where id = :id
					""")
				.param("text", value).param("now", Timestamp.from(now)).param("by", me.id()).param("name", me.displayName())
				.param("id", replyId).update();
		}
		for (NoticeUpload upload : uploads) {
			files.store(noticeId, replyId, NoticeFiles.Purpose.REPLY, upload);
		}
		audit.record(AuditEntry.of("NOTICE_REPLIED").entity("Notice", noticeId).org(me.orgId()).summary("audit.summary.noticeReplied",
				call.title()));
	}

	/** The sender returns an organisation's reply for correction, with the reason it will see. */
	@Transactional
	public void returnReply(Long noticeId, Long orgId, String reason) {
		NoticeView call = notices.get(noticeId);
		if (!call.dataCall()) {
			throw new RecordNotFoundException("Notice", noticeId);
		}
		if (reason == null || reason.isBlank()) {
			throw new RuleViolationException("reason", "notice.reply.reasonRequired");
		}
		TextLimit.atMost("reason", "field.reason", reason, 500);
		Integer round = jdbc.sql("""
				update notice_reply set status = 'RETURNED', returned_at = :now, return_reason = :reason
				where notice_id = :n and org_id = :org and status = 'SUBMITTED' returning rounds
				""")
			.param("now", Timestamp.from(clock.instant())).param("reason", reason.strip()).param("n", noticeId).param("org", orgId)
			.query(Integer.class).optional().orElse(null);
		if (round == null) {
			throw new RuleViolationException("reason", "notice.reply.nothingToReturn");
		}
		tellReturned(call, orgId, round, reason.strip());
		audit.record(AuditEntry.of("NOTICE_REPLY_RETURNED").entity("Notice", noticeId).org(orgId)
			.summary("audit.summary.noticeReplyReturned", call.title(), reason.strip()));
	}

	/**
	 * The organisation whose reply was returned hears of it by mail at its enabled accounts'
	 * addresses, once per return ({@code notice:<id>:returned:<org>:<round>:account-<id>}).
	 */
	private void tellReturned(NoticeView call, Long orgId, int round, String reason) {
		String subject = text("notice.returned.subject", call.orgName(), call.title());
		String body = text("notice.returned.body", call.orgName(), call.title(), reason);
		List<org.chamberlink.notification.OutgoingMessage> messages = new java.util.ArrayList<>();
		for (org.chamberlink.identity.AccountManagement.AccountSummary account : accounts.inOrganization(orgId)) {
			if (account.enabled()) {
				accountEmails.of(account.id()).ifPresent(email -> messages.add(org.chamberlink.notification.OutgoingMessage.mail(email,
						subject, body, NoticeReminders.TOPIC,
						"notice:" + call.id() + ":returned:" + orgId + ":" + round + ":account-" + account.id())));
			}
		}
		notifications.enqueueAll(messages);
	}

	// notices go out in Chinese, the language of every office and member (decision 9)
	private String text(String key, Object... arguments) {
		return messageSource.getMessage(key, arguments, java.util.Locale.SIMPLIFIED_CHINESE);
	}

	/** The progress board of a data call in scope: every target organisation, by path. */
	@Transactional(readOnly = true)
	public List<ReplyRow> board(Long noticeId) {
		NoticeView call = notices.get(noticeId);
		if (!call.dataCall()) {
			return List.of();
		}
		Instant now = clock.instant();
		Map<Long, List<NoticeFiles.Listed>> byReply = files.ofReplies(noticeId).stream()
			.collect(Collectors.groupingBy(NoticeFiles.Listed::replyId));
		return jdbc.sql("""
				select r.org_id, o.name, y.id, y.status, y.text, y.submitted_at, y.submitted_by_name, y.returned_at, y.return_reason,
				       coalesce(y.rounds, 0) as rounds
				from notice_org_recipient r join published_organization o on o.org_id = r.org_id
				left join notice_reply y on y.notice_id = r.notice_id and y.org_id = r.org_id
				where r.notice_id = :n order by o.path, r.org_id
				""")
			.param("n", noticeId)
			.query((rs, i) -> {
				Long replyId = (Long) rs.getObject(3);
				Instant submitted = NoticeView.instant(rs.getObject(6, OffsetDateTime.class));
				return new ReplyRow(rs.getLong(1), rs.getString(2), status(rs.getString(4), submitted, call.dueAt(), now), replyId,
						rs.getString(5), submitted, rs.getString(7), NoticeView.instant(rs.getObject(8, OffsetDateTime.class)),
						rs.getString(9), rs.getInt(10), replyId == null ? List.of() : byReply.getOrDefault(replyId, List.of()));
			})
			.list();
	}

	public Progress progress(List<ReplyRow> board) {
		Map<ReplyStatus, Long> counts = board.stream().collect(Collectors.groupingBy(ReplyRow::status, Collectors.counting()));
		return new Progress(counts.getOrDefault(ReplyStatus.NOT_STARTED, 0L), counts.getOrDefault(ReplyStatus.SUBMITTED, 0L),
				counts.getOrDefault(ReplyStatus.LATE, 0L), counts.getOrDefault(ReplyStatus.RETURNED, 0L));
	}

	/** The caller's organisation's own reply to a data call it received, if any. */
	@Transactional(readOnly = true)
	public java.util.Optional<ReplyRow> ownReply(AccountPrincipal me, Long noticeId) {
		InboxItem call = inbox.findForOrganization(me, noticeId).filter(InboxItem::dataCall)
			.orElseThrow(() -> new RecordNotFoundException("Notice", noticeId));
		Instant now = clock.instant();
		return jdbc.sql("""
				select id, status, text, submitted_at, submitted_by_name, returned_at, return_reason, rounds
				from notice_reply where notice_id = :n and org_id = :org
				""")
			.param("n", noticeId).param("org", me.orgId())
			.query((rs, i) -> {
				Long replyId = rs.getLong(1);
				Instant submitted = NoticeView.instant(rs.getObject(4, OffsetDateTime.class));
				return new ReplyRow(me.orgId(), null, status(rs.getString(2), submitted, call.dueAt(), now), replyId, rs.getString(3),
						submitted, rs.getString(5), NoticeView.instant(rs.getObject(6, OffsetDateTime.class)), rs.getString(7), rs.getInt(8),
						files.ofReplies(noticeId).stream().filter(f -> f.replyId().equals(replyId)).toList());
			})
			.optional();
	}

	/**
	 * Every reply of a data call in scope as one zip: a folder per organisation (its name) holding
	 * its reply text and its files, beside an index of every target organisation and its status.
	 */
	@Transactional(readOnly = true)
	public void zip(Long noticeId, OutputStream out) {
		List<ReplyRow> board = board(noticeId);
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			StringBuilder index = new StringBuilder();
			Set<String> folders = new HashSet<>();
			for (ReplyRow row : board) {
				index.append(row.orgName()).append('\t').append(row.status()).append('\t')
					.append(row.submittedLocal() == null ? "" : row.submittedLocal().toString()).append('\n');
				if (row.replyId() == null) {
					continue;
				}
				String folder = unique(folders, safe(row.orgName()));
				if (row.text() != null) {
					zip.putNextEntry(new ZipEntry(folder + "/reply.txt"));
					zip.write(row.text().getBytes(StandardCharsets.UTF_8));
					zip.closeEntry();
				}
				Set<String> names = new HashSet<>();
				for (NoticeFiles.Listed file : row.files()) {
					zip.putNextEntry(new ZipEntry(folder + "/" + unique(names, safe(file.fileName()))));
					zip.write(files.load(file.id()).content());
					zip.closeEntry();
				}
			}
			zip.putNextEntry(new ZipEntry("index.tsv"));
			zip.write(index.toString().getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The filled-in templates of a data call in scope merged into one workbook: the template's header
	 * row with 组织 (the organisation's name) before it, then every data row of every reply's first
	 * workbook, each prefixed with its organisation's name. Replies returned for correction are left
	 * out until they come back; a workbook that cannot be read is skipped.
	 */
	@Transactional(readOnly = true)
	public void merged(Long noticeId, String organizationHeader, OutputStream out) {
		List<ReplyRow> board = board(noticeId);
		List<String> headers = templateHeaders(noticeId);
		List<List<String>> rows = new ArrayList<>();
		DataFormatter formatter = new DataFormatter();
		for (ReplyRow row : board) {
			if (row.replyId() == null || row.status() == ReplyStatus.RETURNED) {
				continue;
			}
			row.files().stream().filter(NoticeFiles.Listed::workbook).findFirst().ifPresent(file -> {
				List<List<String>> read = read(files.load(file.id()).content(), formatter);
				if (read.isEmpty()) {
					return;
				}
				if (headers.isEmpty()) {
					headers.addAll(read.get(0));
				}
				read.stream().skip(1).forEach(cells -> {
					List<String> line = new ArrayList<>();
					line.add(row.orgName());
					line.addAll(cells);
					rows.add(line);
				});
			});
		}
		List<String> header = new ArrayList<>();
		header.add(organizationHeader);
		header.addAll(headers);
		try (XlsxWriter writer = XlsxWriter.open(out, "汇总", header)) {
			rows.forEach(writer::row);
		}
	}

	private List<String> templateHeaders(Long noticeId) {
		return files.ofNotice(noticeId).stream().filter(f -> f.purpose() == NoticeFiles.Purpose.TEMPLATE).findFirst()
			.map(f -> read(files.load(f.id()).content(), new DataFormatter()))
			.filter(read -> !read.isEmpty())
			.map(read -> new ArrayList<>(read.get(0)))
			.orElseGet(ArrayList::new);
	}

	/** The first sheet's non-blank rows as text, as Excel shows them. */
	static List<List<String>> read(byte[] workbook, DataFormatter formatter) {
		List<List<String>> rows = new ArrayList<>();
		try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
			Sheet sheet = book.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
				}
				while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
					cells.remove(cells.size() - 1);
				}
				if (!cells.isEmpty()) {
					rows.add(cells);
				}
			}
		}
		catch (Exception unreadable) {
			return List.of();
		}
		return rows;
	}

	private static String safe(String name) {
		String cleaned = name == null ? "-" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
	}

	private static String unique(Set<String> taken, String name) {
		String candidate = name;
		for (int n = 2; !taken.add(candidate); n++) {
			candidate = n + "-" + name;
		}
		return candidate;
	}

}

package org.chamberlink.notice;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A notice's files: the sender's attachments and Excel template, and each reply's files. Stored
 * with the type the upload declared (anything that is not a plain {@code type/subtype} becomes
 * {@code application/octet-stream}); always served as a download, never rendered (see the web
 * layer). Who may fetch one is decided by {@link NoticeAccess}.
 */
@Component
public class NoticeFiles {

	/** One file at most (a scanned document, a filled workbook). */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	/** Files at most on a notice or on one reply. */
	public static final int MAX_FILES = 10;

	private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");

	public enum Purpose {
		ATTACHMENT, TEMPLATE, REPLY
	}

	/** A stored file as it is downloaded. */
	public record Download(Long id, Long noticeId, Long replyId, Purpose purpose, String fileName, String contentType, byte[] content) {
	}

	/** A stored file as a page lists it. */
	public record Listed(Long id, Long replyId, Purpose purpose, String fileName, int sizeBytes) {

		public boolean workbook() {
			return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
		}

	}

	private final JdbcClient jdbc;

	NoticeFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Refuses files too large, too many, or nameless, naming the field; a template must be an .xlsx workbook. */
	static void check(String field, List<NoticeUpload> uploads) {
		if (uploads.size() > MAX_FILES) {
			throw new RuleViolationException(field, "notice.file.tooMany", MAX_FILES);
		}
		for (NoticeUpload upload : uploads) {
			if (upload.content().length == 0 || upload.fileName() == null || upload.fileName().isBlank()) {
				throw new RuleViolationException(field, "notice.file.empty");
			}
			if (upload.content().length > MAX_BYTES) {
				throw new RuleViolationException(field, "notice.file.tooLarge", upload.fileName(), MAX_BYTES / 1024 / 1024);
			}
		}
	}

	static void checkWorkbook(String field, NoticeUpload upload) {
		check(field, List.of(upload));
		byte[] bytes = upload.content();
		boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
		if (!zip || !upload.fileName().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			throw new RuleViolationException(field, "notice.file.notWorkbook", upload.fileName());
		}
	}

	void store(Long noticeId, Long replyId, Purpose purpose, NoticeUpload upload) {
		String name = upload.fileName().strip();
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		jdbc.sql("""
				insert into notice_file (notice_id, reply_id, purpose, file_name, content_type, size_bytes, content)
				values (:notice, :reply, :purpose, :name, :type, :size, :content)
				""")
			.param("notice", noticeId)
			.param("reply", replyId)
			.param("purpose", purpose.name())
			.param("name", name)
			.param("type", type(upload.contentType()))
			.param("size", upload.content().length)
			.param("content", upload.content())
			.update();
	}

	List<Listed> ofNotice(Long noticeId) {
		return jdbc.sql("select id, reply_id, purpose, file_name, size_bytes from notice_file where notice_id = :n and reply_id is null order by id")
			.param("n", noticeId)
			.query((rs, i) -> new Listed(rs.getLong(1), null, Purpose.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5)))
			.list();
	}

	List<Listed> ofReplies(Long noticeId) {
		return jdbc.sql("select id, reply_id, purpose, file_name, size_bytes from notice_file where notice_id = :n and reply_id is not null order by id")
			.param("n", noticeId)
			.query((rs, i) -> new Listed(rs.getLong(1), rs.getLong(2), Purpose.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5)))
			.list();
	}

	Download load(Long fileId) {
		return jdbc.sql("select id, notice_id, reply_id, purpose, file_name, content_type, content from notice_file where id = :id")
			.param("id", fileId)
			.query((rs, i) -> new Download(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), Purpose.valueOf(rs.getString(4)),
					rs.getString(5), rs.getString(6), rs.getBytes(7)))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("NoticeFile", fileId));
	}

	java.util.Optional<Long> replyOrg(Long replyId) {
		return jdbc.sql("select org_id from notice_reply where id = :r").param("r", replyId).query(Long.class).optional();
	}

	void removeOfReply(Long replyId) {
		jdbc.sql("delete from notice_file where reply_id = :r").param("r", replyId).update();
	}

	static String type(String declared) {
		String type = declared == null ? "" : declared.strip().toLowerCase(Locale.ROOT);
		int parameters = type.indexOf(';');
		if (parameters >= 0) {
			type = type.substring(0, parameters).strip();
		}
		return TYPE.matcher(type).matches() ? type : "application/octet-stream";
	}

}

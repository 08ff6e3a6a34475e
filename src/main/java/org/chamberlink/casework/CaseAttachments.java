package org.chamberlink.casework;

import org.chamberlink.identity.RoleGroups;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Files of a case: attachments and the signed agreement of a mediation, kept in the database with the case. */
@Service
public class CaseAttachments {

	/** A file as lists show it, without its content. */
	public record Attachment(Long id, String purpose, String fileName, String contentType, int sizeBytes,
			String uploadedBy, Long uploadedByAccount, Instant uploadedAt) {
	}

	/** A file to download. */
	public record Download(String fileName, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;

	private final CaseRecords records;

	private final Cases cases;

	CaseAttachments(JdbcClient jdbc, CaseRecords records, Cases cases) {
		this.jdbc = jdbc;
		this.records = records;
		this.cases = cases;
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void attach(Long caseId, boolean agreement, Upload upload) {
		CaseRecords.Locked kase = records.lockHandled(caseId);
		if (agreement && kase.kind() != CaseKind.MEDIATION) {
			throw new RuleViolationException("purpose", "mediation.only");
		}
		add(kase, agreement ? "AGREEMENT" : "ATTACHMENT", upload);
	}

	void add(CaseRecords.Locked kase, String purpose, Upload upload) {
		if (upload == null || !upload.present()) {
			throw new RuleViolationException("file", "case.fileRequired");
		}
		if (upload.content().length > Upload.MAX_BYTES) {
			throw new RuleViolationException("file", "case.fileTooLarge");
		}
		String name = upload.fileName() == null || upload.fileName().isBlank() ? "file" : upload.fileName().strip();
		jdbc.sql("""
				insert into case_attachment (case_id, purpose, file_name, content_type, size_bytes, content, uploaded_by,
				                             uploaded_by_account)
				values (:case, :purpose, :name, :type, :size, :content, :by, :account)
				""")
			.param("case", kase.id())
			.param("purpose", purpose)
			.param("name", name.length() > 200 ? name.substring(name.length() - 200) : name)
			.param("type", upload.contentType() == null || upload.contentType().length() > 100 ? "application/octet-stream"
					: upload.contentType())
			.param("size", upload.content().length)
			.param("content", upload.content())
			.param("by", CaseRecords.actor())
			.param("account", CaseRecords.actorAccountId())
			.update();
		records.step(kase.id(), CaseAction.DOCUMENT, kase.state(), kase.state(), kase.orgId(), null, name);
	}

	/** An agreement uploaded since the case was last reopened (a reopened mediation needs a new one). */
	boolean hasAgreement(Long caseId) {
		return jdbc.sql("""
				select exists (select 1 from case_attachment a join service_case c on c.id = a.case_id
				               where a.case_id = :id and a.purpose = 'AGREEMENT'
				                 and (c.reopened_at is null or a.uploaded_at >= c.reopened_at))
				""")
			.param("id", caseId)
			.query(Boolean.class)
			.single();
	}

	/** The files of a case the caller can see. */
	@Transactional(readOnly = true)
	public List<Attachment> of(Long caseId) {
		cases.get(caseId);
		return list(caseId);
	}

	List<Attachment> list(Long caseId) {
		return jdbc.sql("""
				select id, purpose, file_name, content_type, size_bytes, uploaded_by, uploaded_by_account, uploaded_at
				from case_attachment where case_id = :id order by id
				""").param("id", caseId).query(Attachment.class).list();
	}

	/** One file of a case the caller can see; else not found. */
	@Transactional(readOnly = true)
	public Download download(Long caseId, Long attachmentId) {
		cases.get(caseId);
		return file(caseId, attachmentId).orElseThrow(() -> new RecordNotFoundException("Attachment", attachmentId));
	}

	Optional<Download> file(Long caseId, Long attachmentId) {
		return jdbc.sql("select file_name, content_type, content from case_attachment where id = :id and case_id = :case")
			.param("id", attachmentId)
			.param("case", caseId)
			.query(Download.class)
			.optional();
	}

}

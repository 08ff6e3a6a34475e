package org.chamberlink.member;

import java.util.List;
import java.util.Optional;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The store of background jobs. Progress is written in its own short statements (outside the
 * job's transaction) so that the polling page sees it move.
 */
@Service
public class MemberJobs {

	private static final String COLUMNS = """
			id, kind, status, file_name, import_good_rows, total_rows, processed_rows, parties_created,
			memberships_added, unchanged_rows, error_rows, written, skipped_rows, message, result_name,
			result is not null as has_result, created_at, finished_at
			""";

	private final JdbcClient jdbc;

	MemberJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A job the current account started. */
	public MemberJob get(Long id) {
		return jdbc.sql("select " + COLUMNS + " from member_job where id = :id and account_id = :account")
			.param("id", id)
			.param("account", currentAccount())
			.query(MemberJob.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("MemberJob", id));
	}

	/** How many of an account's latest jobs the import page lists. */
	static final int RECENT_JOBS = 10;

	/** The current account's latest jobs. */
	public List<MemberJob> recent() {
		return jdbc.sql("select " + COLUMNS + " from member_job where account_id = :account order by id desc limit "
				+ RECENT_JOBS)
			.param("account", currentAccount())
			.query(MemberJob.class)
			.list();
	}

	/** The job's file (export or error report) if the current account started it. */
	public Optional<byte[]> result(Long id) {
		get(id);
		return jdbc.sql("select result from member_job where id = :id").param("id", id).query(byte[].class).optional();
	}

	Long create(String kind, Long orgId, String fileName, boolean importGoodRows) {
		return jdbc.sql("""
				insert into member_job (kind, account_id, org_id, file_name, import_good_rows)
				values (:kind, :account, :org, :file, :good) returning id
				""")
			.param("kind", kind)
			.param("account", currentAccount())
			.param("org", orgId)
			.param("file", fileName)
			.param("good", importGoodRows)
			.query(Long.class)
			.single();
	}

	void running(Long id) {
		jdbc.sql("update member_job set status = 'RUNNING' where id = :id").param("id", id).update();
	}

	void total(Long id, int rows) {
		jdbc.sql("update member_job set total_rows = :rows where id = :id").param("id", id).param("rows", rows).update();
	}

	void progress(Long id, int processed) {
		jdbc.sql("update member_job set processed_rows = :n where id = :id").param("id", id).param("n", processed).update();
	}

	void finished(Long id, ImportOutcome outcome, byte[] result, String resultName) {
		jdbc.sql("""
				update member_job set status = 'DONE', processed_rows = coalesce(total_rows, processed_rows),
				       parties_created = :created, memberships_added = :added, unchanged_rows = :unchanged,
				       error_rows = :errors, written = :written, skipped_rows = :skipped, message = :message,
				       result = :result, result_name = :resultName, finished_at = now()
				where id = :id
				""")
			.param("id", id)
			.param("created", outcome.partiesCreated())
			.param("added", outcome.membershipsAdded())
			.param("unchanged", outcome.unchanged())
			.param("errors", outcome.errorRows())
			.param("written", outcome.written())
			.param("skipped", outcome.skippedRows())
			.param("message", outcome.message())
			.param("result", result)
			.param("resultName", resultName)
			.update();
	}

	void failed(Long id, String message) {
		jdbc.sql("update member_job set status = 'FAILED', message = :message, finished_at = now() where id = :id")
			.param("id", id)
			.param("message", message)
			.update();
	}

	/** Jobs that were running when the application stopped will never finish: say so. */
	@EventListener(ApplicationReadyEvent.class)
	void abandonInterrupted() {
		jdbc.sql("""
				update member_job set status = 'FAILED', message = 'interrupted', finished_at = now()
				where status in ('QUEUED', 'RUNNING') and created_at < now() - interval '1 minute'
				""").update();
	}

	private static Long currentAccount() {
		if (SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof AccountPrincipal me) {
			return me.id();
		}
		throw new IllegalStateException("A job needs a signed-in account");
	}

}

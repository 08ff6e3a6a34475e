package org.chamberlink.member;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.XlsxReader;
import org.chamberlink.shared.XlsxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports members from the Excel template into one organisation, in the background. Every row
 * is checked in memory by the same rules as the form (regions and industries from sets read
 * once), duplicates within the file are refused, and parties already known (credit code,
 * identity number; for a person without one, name and phone) are matched in SQL. By default one
 * bad row means nothing is written and the file comes back with an error column; when asked,
 * the good rows are written and the bad ones listed. Writing is set-based: the rows are COPYed
 * into a staging table and moved with a few INSERT … SELECT statements, in one transaction.
 * Re-importing the same file changes nothing.
 */
@Service
public class MemberImport {

	private static final Logger log = LoggerFactory.getLogger(MemberImport.class);

	/** The template's columns, in order. */
	public static final List<String> HEADERS = List.of("会员类别", "名称/姓名", "统一社会信用代码", "企业类型", "法定代表人", "行业代码",
			"企业规模", "从业人数", "注册地区划代码", "异地企业", "高新技术", "性别", "身份证号码", "手机号码", "中共党员", "政治安排", "会内职务",
			"入会日期");

	static final int MAX_ROWS = 200_000;

	private final Organizations organizations;

	private final MemberImportCheck checker;

	private final MemberImportWriter writer;

	private final MemberJobs jobs;

	private final JobRunner runner;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	MemberImport(Organizations organizations, MemberImportCheck checker, MemberImportWriter writer, MemberJobs jobs,
			JobRunner runner, MessageSource messages, AuditTrail audit, PlatformTransactionManager transactions) {
		this.organizations = organizations;
		this.checker = checker;
		this.writer = writer;
		this.jobs = jobs;
		this.runner = runner;
		this.messages = messages;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Starts the import in the background; the returned job shows its progress and outcome. */
	public Long submit(Long orgId, String fileName, byte[] xlsx, boolean importGoodRows, Locale locale) {
		OrganizationSummary target = organizations.get(orgId);
		Long jobId = jobs.create("IMPORT", target.id(), fileName, importGoodRows);
		runner.submit(() -> run(jobId, target, xlsx, importGoodRows, locale));
		return jobId;
	}

	private void run(Long jobId, OrganizationSummary target, byte[] xlsx, boolean importGoodRows, Locale locale) {
		jobs.running(jobId);
		try {
			importNow(jobId, target, xlsx, importGoodRows, locale);
		}
		catch (RuleViolationException fileProblem) {
			jobs.failed(jobId, messages.getMessage(fileProblem.messageKey(), fileProblem.arguments(), locale));
		}
		catch (RuntimeException e) {
			log.error("Member import {} failed", jobId, e);
			jobs.failed(jobId, messages.getMessage("memberImport.failed", null, locale));
		}
	}

	/** The whole import, in the calling thread (the job runner, or the benchmark). */
	ImportOutcome importNow(Long jobId, OrganizationSummary target, byte[] xlsx, boolean importGoodRows,
			Locale locale) {
		long started = System.nanoTime();
		List<List<String>> rows = XlsxReader.read(new ByteArrayInputStream(xlsx), HEADERS, MAX_ROWS);
		long read = System.nanoTime();
		jobs.total(jobId, rows.size());
		List<MemberImportCheck.Row> checked = checker.check(rows, target, locale, processed -> jobs.progress(jobId, processed));
		log.info("Import {}: read {} rows in {} ms, checked in {} ms", jobId, rows.size(), (read - started) / 1_000_000,
				(System.nanoTime() - read) / 1_000_000);
		List<MemberImportCheck.Row> bad = checked.stream().filter(row -> !row.errors.isEmpty()).toList();
		byte[] report = bad.isEmpty() ? null : errorReport(rows, checked);
		String reportName = bad.isEmpty() ? null : "会员导入-错误报告.xlsx";
		if (!bad.isEmpty() && !importGoodRows) {
			ImportOutcome outcome = new ImportOutcome(0, 0, 0, bad.size(), false, null,
					messages.getMessage("memberImport.nothingWritten", new Object[] { rows.size(), bad.size() }, locale));
			jobs.finished(jobId, outcome, report, reportName);
			return outcome;
		}
		List<MemberImportCheck.Row> good = checked.stream().filter(row -> row.errors.isEmpty()).toList();
		long writing = System.nanoTime();
		int[] counts = transaction.execute(status -> writer.write(jobId, good, target));
		log.info("Import {}: wrote {} rows in {} ms", jobId, good.size(), (System.nanoTime() - writing) / 1_000_000);
		String skipped = bad.isEmpty() ? null : String.join("、", bad.stream().map(row -> Integer.toString(row.number)).toList());
		String message = messages.getMessage("memberImport.done",
				new Object[] { rows.size(), counts[0], counts[1], counts[2] }, locale)
				+ (bad.isEmpty() ? "" : messages.getMessage("memberImport.skipped", new Object[] { bad.size(), skipped }, locale))
				+ normalisedNote(good, locale);
		ImportOutcome outcome = new ImportOutcome(counts[0], counts[1], counts[2], bad.size(), true, skipped, message);
		audit.record(AuditEntry.of("IMPORT")
			.entity("MemberJob", jobId)
			.org(target.id())
			.summary("audit.summary.membersImported", target.name(), counts[0], counts[1], counts[2], bad.size()));
		jobs.finished(jobId, outcome, report, reportName);
		return outcome;
	}

	private byte[] errorReport(List<List<String>> rows, List<MemberImportCheck.Row> checked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<String> headers = new ArrayList<>(HEADERS);
		headers.add("错误");
		try (XlsxWriter writer = XlsxWriter.open(out, "会员", headers)) {
			for (int i = 0; i < rows.size(); i++) {
				List<Object> cells = new ArrayList<>(rows.get(i));
				cells.add(String.join("；", checked.get(i).errors));
				writer.row(cells);
			}
		}
		return out.toByteArray();
	}

	/** Says which written rows had a code or number read otherwise than typed (the first twenty by number). */
	private String normalisedNote(List<MemberImportCheck.Row> written, Locale locale) {
		List<String> rows = written.stream().filter(row -> row.normalised).map(row -> Integer.toString(row.number)).toList();
		if (rows.isEmpty()) {
			return "";
		}
		String listed = String.join("、", rows.subList(0, Math.min(rows.size(), 20))) + (rows.size() > 20 ? "…" : "");
		return messages.getMessage("memberImport.normalised", new Object[] { rows.size(), listed }, locale);
	}

}

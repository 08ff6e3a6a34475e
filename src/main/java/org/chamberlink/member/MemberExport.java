package org.chamberlink.member;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.XlsxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Exports exactly the rows the filtered list shows, in its order, phones masked. Up to
 * {@link #DIRECT_LIMIT} rows stream straight into the response; a larger list becomes a
 * background job whose file is downloaded when it is done.
 */
@Service
public class MemberExport {

	private static final Logger log = LoggerFactory.getLogger(MemberExport.class);

	public static final int DIRECT_LIMIT = 5_000;

	public static final String FILE_NAME = "会员名单.xlsx";

	static final List<String> HEADERS = List.of("名称/姓名", "会员类别", "统一社会信用代码", "所属组织", "会内职务", "层级", "手机号码",
			"行业代码", "行业", "注册地区划代码", "本地/异地", "高新技术", "入会日期", "退会日期", "会籍状态");

	private final MemberList list;

	private final DataScopes scopes;

	private final Industries industries;

	private final MemberJobs jobs;

	private final JobRunner runner;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	MemberExport(MemberList list, DataScopes scopes, Industries industries, MemberJobs jobs, JobRunner runner,
			MessageSource messages, AuditTrail audit, Clock clock) {
		this.list = list;
		this.scopes = scopes;
		this.industries = industries;
		this.jobs = jobs;
		this.runner = runner;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/** How many rows the filter selects: the controller streams small lists and queues large ones. */
	public long count(MemberFilter filter) {
		return list.count(filter, scopes.current());
	}

	public void write(MemberFilter filter, OutputStream out, Locale locale) {
		DataScope scope = scopes.current();
		Map<String, String> industryNames = industryNames();
		LocalDate today = LocalDate.now(clock);
		int[] rows = new int[1];
		try (XlsxWriter writer = XlsxWriter.open(out, "会员", HEADERS)) {
			list.forEach(filter, scope, row -> {
				writer.row(cells(row, industryNames, today, locale));
				rows[0]++;
			});
			// the file says itself that its phones are masked, for whoever it is passed on to
			writer.sheet(messages.getMessage("memberExport.noteSheet", null, locale), List.of(
					messages.getMessage("memberExport.noteSheet", null, locale)));
			writer.row(List.of(messages.getMessage("memberExport.note", new Object[] { rows[0], today.toString() }, locale)));
		}
		audit.record(AuditEntry.of("EXPORT").entity("Member", "list").summary("audit.summary.rowsExported", rows[0]));
	}

	/** Queues the export; the job's file is the workbook. */
	public Long submit(MemberFilter filter, Locale locale) {
		Long jobId = jobs.create("EXPORT", null, FILE_NAME, false);
		runner.submit(() -> {
			jobs.running(jobId);
			try {
				jobs.total(jobId, (int) count(filter));
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				write(filter, out, locale);
				jobs.finished(jobId, new ImportOutcome(0, 0, 0, 0, false, null,
						messages.getMessage("memberExport.done", null, locale)), out.toByteArray(), FILE_NAME);
			}
			catch (RuntimeException e) {
				log.error("Member export {} failed", jobId, e);
				jobs.failed(jobId, messages.getMessage("memberImport.failed", null, locale));
			}
		});
		return jobId;
	}

	private List<Object> cells(MemberRow row, Map<String, String> industryNames, LocalDate today, Locale locale) {
		return java.util.Arrays.asList(row.name(),
				row.enterpriseKind() != null ? word("enterpriseKind." + row.enterpriseKind(), locale)
						: word("partyKind." + row.kind(), locale),
				row.creditCode(), row.orgName(), word("memberRole." + row.role(), locale),
				word("tier." + row.tier(), locale), row.phoneMasked(), row.industryCode(),
				row.industryCode() == null ? null : industryNames.get(row.industryCode()), row.regionCode(),
				word(row.outOfTown() ? "member.outOfTown" : "member.local", locale),
				word(row.highTech() ? "yes" : "no", locale), String.valueOf(row.joinedOn()),
				row.leftOn() == null ? null : row.leftOn().toString(),
				word("membershipStatus." + row.status(today), locale));
	}

	private final Map<String, String> words = new java.util.concurrent.ConcurrentHashMap<>();

	/** Labels of codes, looked up once per language rather than once per cell. */
	private String word(String key, Locale locale) {
		return words.computeIfAbsent(locale + "|" + key, k -> messages.getMessage(key, null, key, locale));
	}

	private Map<String, String> industryNames() {
		Map<String, String> names = new java.util.HashMap<>();
		industries.all().forEach(industry -> names.put(industry.code(), industry.name()));
		return names;
	}

}

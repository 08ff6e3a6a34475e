package org.chamberlink.member;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.region.Regions;
import org.chamberlink.web.RuleViolationException;
import org.chamberlink.web.XlsxReader;
import org.chamberlink.web.XlsxWriter;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

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

	private static final Map<String, Integer> COLUMN_OF_FIELD = Map.ofEntries(Map.entry("kind", 0),
			Map.entry("name", 1), Map.entry("creditCode", 2), Map.entry("enterpriseKind", 3),
			Map.entry("legalRepresentative", 4), Map.entry("industryCode", 5), Map.entry("sizeClass", 6),
			Map.entry("employees", 7), Map.entry("regionCode", 8), Map.entry("outOfTown", 9), Map.entry("highTech", 10),
			Map.entry("gender", 11), Map.entry("idNumber", 12), Map.entry("phone", 13), Map.entry("partyMember", 14),
			Map.entry("publicRoles", 15), Map.entry("role", 16), Map.entry("tier", 16), Map.entry("tierReason", 16),
			Map.entry("joinedOn", 17));

	private final Organizations organizations;

	private final MemberRules rules;

	private final Regions regions;

	private final PersonalData personalData;

	private final MemberJobs jobs;

	private final JobRunner runner;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	MemberImport(Organizations organizations, MemberRules rules, Regions regions, PersonalData personalData,
			MemberJobs jobs, JobRunner runner, MessageSource messages, AuditTrail audit, JdbcClient jdbc,
			DataSource dataSource, PlatformTransactionManager transactions) {
		this.organizations = organizations;
		this.rules = rules;
		this.regions = regions;
		this.personalData = personalData;
		this.jobs = jobs;
		this.runner = runner;
		this.messages = messages;
		this.audit = audit;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
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
		List<Row> checked = check(rows, target, locale, processed -> jobs.progress(jobId, processed));
		log.info("Import {}: read {} rows in {} ms, checked in {} ms", jobId, rows.size(), (read - started) / 1_000_000,
				(System.nanoTime() - read) / 1_000_000);
		List<Row> bad = checked.stream().filter(row -> !row.errors.isEmpty()).toList();
		byte[] report = bad.isEmpty() ? null : errorReport(rows, checked);
		String reportName = bad.isEmpty() ? null : "会员导入-错误报告.xlsx";
		if (!bad.isEmpty() && !importGoodRows) {
			ImportOutcome outcome = new ImportOutcome(0, 0, 0, bad.size(), false, null,
					messages.getMessage("memberImport.nothingWritten", new Object[] { rows.size(), bad.size() }, locale));
			jobs.finished(jobId, outcome, report, reportName);
			return outcome;
		}
		List<Row> good = checked.stream().filter(row -> row.errors.isEmpty()).toList();
		long writing = System.nanoTime();
		int[] counts = transaction.execute(status -> write(good, target));
		log.info("Import {}: wrote {} rows in {} ms", jobId, good.size(), (System.nanoTime() - writing) / 1_000_000);
		String skipped = bad.isEmpty() ? null : String.join("、", bad.stream().map(row -> Integer.toString(row.number)).toList());
		String message = messages.getMessage("memberImport.done",
				new Object[] { rows.size(), counts[0], counts[1], counts[2] }, locale)
				+ (bad.isEmpty() ? "" : messages.getMessage("memberImport.skipped", new Object[] { bad.size(), skipped }, locale));
		ImportOutcome outcome = new ImportOutcome(counts[0], counts[1], counts[2], bad.size(), true, skipped, message);
		audit.record(AuditEntry.of("IMPORT")
			.entity("MemberJob", jobId)
			.org(target.id())
			.summary("members imported into " + target.name() + ": " + counts[0] + " new parties, " + counts[1]
					+ " memberships, " + counts[2] + " unchanged, " + bad.size() + " rows skipped"));
		jobs.finished(jobId, outcome, report, reportName);
		return outcome;
	}

	/** One data row: its number in the sheet, what it says, and what is wrong with it. */
	static final class Row {

		final int number;

		NewMember member;

		final List<String> errors = new ArrayList<>();

		Row(int number) {
			this.number = number;
		}

	}

	List<Row> check(List<List<String>> rows, OrganizationSummary target, Locale locale, IntConsumer progress) {
		Set<String> regionCodes = regions.allCodes();
		Map<String, Integer> seen = new HashMap<>();
		List<Row> checked = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Row row = new Row(i + 2);
			row.member = parse(rows.get(i), target, row, locale);
			if (row.member != null) {
				for (FieldProblem problem : rules.check(row.member, target.type(), regionCodes::contains)) {
					row.errors.add(column(problem.field(), locale) + "："
							+ messages.getMessage(problem.key(), problem.args(), locale));
				}
				String key = duplicateKey(row.member);
				if (row.errors.isEmpty() && key != null) {
					Integer first = seen.putIfAbsent(key, row.number);
					if (first != null) {
						row.errors.add(messages.getMessage("memberImport.duplicateInFile", new Object[] { first }, locale));
					}
				}
			}
			checked.add(row);
			if ((i + 1) % 5_000 == 0) {
				progress.accept(i + 1);
			}
		}
		return checked;
	}

	private NewMember parse(List<String> cells, OrganizationSummary target, Row row, Locale locale) {
		PartyKind kind = code(MemberImportCodes.KINDS, cells.get(0), 0, row, locale);
		if (kind == null) {
			if (!StringUtils.hasText(cells.get(0))) {
				row.errors.add(column("kind", locale) + "：" + messages.getMessage("import.required", null, locale));
			}
			return null;
		}
		EnterpriseKind enterpriseKind = code(MemberImportCodes.ENTERPRISE_KINDS, cells.get(3), 3, row, locale);
		SizeClass size = code(MemberImportCodes.SIZES, cells.get(6), 6, row, locale);
		Gender gender = code(MemberImportCodes.GENDERS, cells.get(11), 11, row, locale);
		MemberRole role = StringUtils.hasText(cells.get(16)) ? code(MemberImportCodes.ROLES, cells.get(16), 16, row, locale)
				: MemberRole.MEMBER;
		Integer employees = null;
		if (StringUtils.hasText(cells.get(7))) {
			try {
				employees = Integer.valueOf(cells.get(7).replaceAll("\\.0+$", ""));
			}
			catch (NumberFormatException e) {
				row.errors.add(HEADERS.get(7) + "：" + messages.getMessage("import.notANumber", null, locale));
			}
		}
		LocalDate joined = null;
		if (StringUtils.hasText(cells.get(17))) {
			joined = MemberImportCodes.date(cells.get(17));
			if (joined == null) {
				row.errors.add(HEADERS.get(17) + "：" + messages.getMessage("import.notADate", null, locale));
			}
		}
		else {
			row.errors.add(HEADERS.get(17) + "：" + messages.getMessage("import.required", null, locale));
		}
		Boolean outOfTown = yesNo(cells.get(9), 9, row, locale);
		Boolean highTech = yesNo(cells.get(10), 10, row, locale);
		Boolean partyMember = yesNo(cells.get(14), 14, row, locale);
		if (!row.errors.isEmpty()) {
			return null;
		}
		return new NewMember(kind, target.id(), cells.get(1), cells.get(2).toUpperCase(), enterpriseKind, cells.get(4),
				cells.get(5), size, employees, cells.get(8), outOfTown, highTech, gender, cells.get(12), cells.get(13),
				partyMember, cells.get(15), null, role, null, null, joined);
	}

	private <T> T code(Map<String, T> words, String text, int column, Row row, Locale locale) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		T value = words.get(text.trim());
		if (value == null) {
			row.errors.add(HEADERS.get(column) + "：" + messages.getMessage("import.unknownWord",
					new Object[] { text.trim(), String.join("、", words.keySet().stream().sorted().toList()) }, locale));
		}
		return value;
	}

	private Boolean yesNo(String text, int column, Row row, Locale locale) {
		Boolean value = MemberImportCodes.yesNo(text);
		if (value == null) {
			row.errors.add(HEADERS.get(column) + "：" + messages.getMessage("import.yesNo", new Object[] { text.trim() }, locale));
		}
		return value;
	}

	private String column(String field, Locale locale) {
		Integer column = COLUMN_OF_FIELD.get(field);
		return column == null ? field : HEADERS.get(column);
	}

	private static String duplicateKey(NewMember member) {
		if (member.kind() == PartyKind.ENTERPRISE) {
			return "credit:" + member.creditCode().trim();
		}
		if (StringUtils.hasText(member.idNumber())) {
			return "id:" + IdentityCardNumber.normalize(member.idNumber());
		}
		if (StringUtils.hasText(member.phone())) {
			return "person:" + member.name().trim() + ":" + MobilePhone.normalize(member.phone());
		}
		return "person:" + member.name().trim();
	}

	private byte[] errorReport(List<List<String>> rows, List<Row> checked) {
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

	/** Returns {parties created, memberships added, rows unchanged}. */
	private int[] write(List<Row> good, OrganizationSummary target) {
		if (good.isEmpty()) {
			return new int[] { 0, 0, 0 };
		}
		// Connections plan every statement afresh (for the scope's LIKE); here that would re-plan the
		// foreign-key checks for each of 100,000 rows, so this transaction uses cached plans again.
		jdbc.sql("set local plan_cache_mode = auto").update();
		jdbc.sql("""
				create temporary table member_import_stage (
				    row_no int, kind varchar(10), name varchar(200), name_key varchar(200), credit_code varchar(18),
				    enterprise_kind varchar(20), legal_representative varchar(50), industry_code varchar(2),
				    size_class varchar(8), employees int, region_code varchar(12), out_of_town boolean,
				    high_tech boolean, gender varchar(6), id_number_cipher bytea, id_number_hash bytea,
				    id_number_masked varchar(18), party_member boolean, public_roles varchar(200), phone_cipher bytea,
				    phone_hash bytea, phone_masked varchar(11), phone_last4 varchar(4), role varchar(20),
				    tier varchar(10), joined_on date, party_id bigint, new_party boolean not null default false,
				    unchanged boolean not null default false
				) on commit drop
				""").update();
		copy(good);
		jdbc.sql("analyze member_import_stage").update();
		jdbc.sql("""
				update member_import_stage s set party_id = p.id from party p
				where s.kind = 'ENTERPRISE' and p.credit_code = s.credit_code and p.status = 'ACTIVE'
				""").update();
		jdbc.sql("""
				update member_import_stage s set party_id = p.id from party p
				where s.kind = 'PERSON' and s.id_number_hash is not null and p.id_number_hash = s.id_number_hash
				  and p.status = 'ACTIVE'
				""").update();
		jdbc.sql("""
				update member_import_stage s set party_id = p.id from party p
				where s.kind = 'PERSON' and s.party_id is null and s.id_number_hash is null and s.phone_hash is not null
				  and p.phone_hash = s.phone_hash and p.kind = 'PERSON' and p.name = s.name and p.status = 'ACTIVE'
				""").update();
		jdbc.sql("""
				update member_import_stage s set party_id = m.party_id
				from membership m join party p on p.id = m.party_id
				where s.kind = 'PERSON' and s.party_id is null and s.id_number_hash is null and s.phone_hash is null
				  and m.org_id = :org and p.kind = 'PERSON' and p.name = s.name and p.status = 'ACTIVE'
				""").param("org", target.id()).update();
		int created = jdbc.sql("""
				update member_import_stage set party_id = nextval(pg_get_serial_sequence('party', 'id')), new_party = true
				where party_id is null
				""").update();
		jdbc.sql("""
				insert into party (id, kind, name, name_key, credit_code, enterprise_kind, legal_representative,
				                   industry_code, size_class, employees, region_code, out_of_town, high_tech, gender,
				                   id_number_cipher, id_number_hash, id_number_masked, party_member, public_roles,
				                   phone_cipher, phone_hash, phone_masked, phone_last4)
				overriding system value
				select party_id, kind, name, name_key, credit_code, enterprise_kind, legal_representative, industry_code,
				       size_class, employees, region_code, out_of_town, high_tech, gender, id_number_cipher,
				       id_number_hash, id_number_masked, party_member, public_roles, phone_cipher, phone_hash,
				       phone_masked, phone_last4
				from member_import_stage where new_party order by row_no
				""").update();
		int unchanged = jdbc.sql("""
				update member_import_stage s set unchanged = true
				where exists (select 1 from membership m
				              where m.party_id = s.party_id and m.org_id = :org and m.left_on is null)
				""").param("org", target.id()).update();
		// The membership's copies of the party's facts come from the party rows themselves (an
		// existing party keeps its own name even if the file spells it differently).
		int added = jdbc.sql("""
				insert into membership (party_id, org_id, org_path, role, tier, joined_on, party_name, party_kind,
				                        enterprise_kind, industry_code, party_region_code, out_of_town, high_tech)
				select s.party_id, :org, :path, s.role, s.tier, s.joined_on, p.name, p.kind, p.enterprise_kind,
				       p.industry_code, p.region_code, p.out_of_town, p.high_tech
				from member_import_stage s join party p on p.id = s.party_id
				where not s.unchanged order by s.row_no
				""").param("org", target.id()).param("path", target.path()).update();
		return new int[] { created, added, unchanged };
	}

	/** COPY the checked rows into the staging table, personal data encrypted on the way. */
	private void copy(List<Row> good) {
		StringBuilder csv = new StringBuilder(good.size() * 400);
		HexFormat hex = HexFormat.of();
		for (Row row : good) {
			NewMember m = row.member;
			boolean enterprise = m.kind() == PartyKind.ENTERPRISE;
			PersonalValues id = enterprise ? PersonalValues.NONE : PersonalValues.identityNumber(personalData, m.idNumber());
			PersonalValues phone = PersonalValues.phone(personalData, m.phone());
			String name = m.name().trim();
			Object[] values = { row.number, m.kind().name(), name, PartyNames.key(name),
					enterprise ? m.creditCode().trim() : null, enterprise ? m.enterpriseKind().name() : null,
					enterprise ? blankToNull(m.legalRepresentative()) : null, blankToNull(m.industryCode()),
					enterprise && m.sizeClass() != null ? m.sizeClass().name() : null, enterprise ? m.employees() : null,
					blankToNull(m.regionCode()), Boolean.TRUE.equals(m.outOfTown()), Boolean.TRUE.equals(m.highTech()),
					!enterprise && m.gender() != null ? m.gender().name() : null, bytes(hex, id.cipher()),
					bytes(hex, id.hash()), id.masked(), !enterprise && Boolean.TRUE.equals(m.partyMember()),
					enterprise ? null : blankToNull(m.publicRoles()), bytes(hex, phone.cipher()), bytes(hex, phone.hash()),
					phone.masked(), phone.last4(), m.role().name(), m.effectiveTier().name(), m.joinedOn() };
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					csv.append(',');
				}
				if (values[i] != null) {
					csv.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
				}
			}
			csv.append('\n');
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("""
						copy member_import_stage (row_no, kind, name, name_key, credit_code, enterprise_kind,
						    legal_representative, industry_code, size_class, employees, region_code, out_of_town, high_tech,
						    gender, id_number_cipher, id_number_hash, id_number_masked, party_member, public_roles,
						    phone_cipher, phone_hash, phone_masked, phone_last4, role, tier, joined_on)
						from stdin with (format csv)
						""", new StringReader(csv.toString()));
		}
		catch (SQLException | java.io.IOException e) {
			throw new IllegalStateException("COPY into the import staging table failed", e);
		}
	}

	private static String bytes(HexFormat hex, byte[] value) {
		return value == null ? null : "\\x" + hex.formatHex(value);
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}

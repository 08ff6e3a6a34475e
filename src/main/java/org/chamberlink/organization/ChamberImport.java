package org.chamberlink.organization;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.XlsxReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Imports chambers from the Excel template. Every row goes through the same rules as the form;
 * by default one bad row means nothing is written and every row's problem is reported, or, when
 * asked, the good rows are imported and the bad ones listed. A chamber that already exists under
 * the same parent with the same name is left unchanged, so importing the same file twice changes
 * nothing. Each row's parent is checked against the caller's scope before anything is looked up by
 * the row's name: a parent outside the scope gets the same message as one that does not exist.
 * <p>
 * Set-based (issue 15), like the member import: the rows are checked against a few queries for
 * the whole file ({@link ChamberImportCheck}) and the good ones written with one INSERT … SELECT
 * ({@link ChamberImportWriter}), checks and writing in one transaction, so nothing is half-written.
 */
@Service
public class ChamberImport {

	private static final Logger log = LoggerFactory.getLogger(ChamberImport.class);

	/**
	 * The template's columns, in order. The last, an out-of-town chamber's origin (decision 31), is
	 * read from cell {@link #ORIGIN_COLUMN}.
	 */
	public static final List<String> HEADERS = List.of("名称", "商会类型", "区划代码", "上级组织编号", "成立日期", "已登记",
			"登记证统一社会信用代码", "党组织", "来源地区划代码");

	/** The out-of-town chamber's origin region (异地商会的来源地), blank for other chambers. */
	static final int ORIGIN_COLUMN = 8;

	static final int MAX_ROWS = 10_000;

	/** The longest name the form takes (and the column holds). */
	static final int MAX_NAME = 200;

	public record RowError(int row, String message) {
	}

	/**
	 * @param rows the data rows read, with their cells as text
	 * @param imported chambers created
	 * @param unchanged rows that matched an existing chamber
	 * @param written whether the file's good rows were applied (false: nothing was, because of errors)
	 */
	public record Result(List<List<String>> rows, int imported, int unchanged, List<RowError> errors,
			boolean written) {
	}

	private final ChamberImportCheck checker;

	private final ChamberImportWriter writer;

	private final DataScopes scopes;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	ChamberImport(ChamberImportCheck checker, ChamberImportWriter writer, DataScopes scopes, Clock clock,
			JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.checker = checker;
		this.jdbc = jdbc;
		this.writer = writer;
		this.scopes = scopes;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	public Result importChambers(InputStream xlsx, boolean importGoodRows, Locale locale) {
		long started = System.nanoTime();
		List<List<String>> rows = read(xlsx);
		long read = System.nanoTime();
		try {
			return checkAndWrite(rows, importGoodRows, locale, started, read);
		}
		catch (DuplicateKeyException townshipTakenMeanwhile) {
			// Another registration took a township between the check and the insert: check again,
			// and the row is reported like any township already taken.
			return checkAndWrite(rows, importGoodRows, locale, started, read);
		}
	}

	private Result checkAndWrite(List<List<String>> rows, boolean importGoodRows, Locale locale, long started,
			long read) {
		return transaction.execute(status -> {
			// Connections plan every statement afresh (for the scope's LIKE); the insert's foreign-key
			// checks would be re-planned for each row, so this transaction uses cached plans again.
			jdbc.sql("set local plan_cache_mode = auto").update();
			List<ChamberImportCheck.Row> checked = checker.check(rows, scopes.current(), LocalDate.now(clock), locale);
			long checkedAt = System.nanoTime();
			List<RowError> errors = checked.stream()
				.filter(row -> row.error != null)
				.map(row -> new RowError(row.number, row.error))
				.toList();
			int unchanged = (int) checked.stream().filter(row -> row.unchanged).count();
			if (!errors.isEmpty() && !importGoodRows) {
				status.setRollbackOnly();
				return new Result(rows, 0, unchanged, errors, false);
			}
			int imported = writer.write(checked.stream().filter(ChamberImportCheck.Row::good).toList());
			log.info("Chamber import: {} rows read in {} ms, checked in {} ms, {} written in {} ms", rows.size(),
					(read - started) / 1_000_000, (checkedAt - read) / 1_000_000, imported,
					(System.nanoTime() - checkedAt) / 1_000_000);
			return new Result(rows, imported, unchanged, errors, true);
		});
	}

	static NewOrganization parse(List<String> cells) {
		String name = cell(cells, 0);
		if (!StringUtils.hasText(name)) {
			throw new RuleViolationException("name", "import.required");
		}
		// the column counts characters, not UTF-16 units (a rare character of CJK extension B is one)
		if (name.codePointCount(0, name.length()) > MAX_NAME) {
			throw new RuleViolationException("name", "import.tooLong", MAX_NAME);
		}
		ChamberKind kind = ImportCodes.chamberKind(cell(cells, 1));
		String region = cell(cells, 2);
		if (!StringUtils.hasText(region)) {
			throw new RuleViolationException("regionCode", "import.required");
		}
		Long parent;
		try {
			parent = Long.valueOf(cell(cells, 3).replace(".0", ""));
		}
		catch (NumberFormatException e) {
			throw new RuleViolationException("parentId", "import.notANumber");
		}
		// the member import's reader: the same forms of date, strictly (decision 30)
		LocalDate founded = org.chamberlink.shared.CalendarDates.read(cell(cells, 4));
		if (founded == null && StringUtils.hasText(cell(cells, 4))) {
			throw new RuleViolationException("foundedOn", "import.notADate");
		}
		return new NewOrganization(OrganizationType.CHAMBER, null, kind, name, region, parent, founded,
				ImportCodes.yesNo(cell(cells, 5)), cell(cells, 6), ImportCodes.party(cell(cells, 7)),
				cell(cells, ORIGIN_COLUMN));
	}

	private static String cell(List<String> cells, int index) {
		return index < cells.size() && cells.get(index) != null ? cells.get(index).trim() : "";
	}

	private static List<List<String>> read(InputStream upload) {
		return XlsxReader.read(upload, HEADERS, MAX_ROWS);
	}

}

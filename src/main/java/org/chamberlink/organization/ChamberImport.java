package org.chamberlink.organization;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.XlsxReader;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Imports chambers from the Excel template. Every row goes through the same rules as the form
 * in a dry run first; by default one bad row means nothing is written and every row's
 * problem is reported, or, when asked, the good rows are imported and the bad ones listed. A
 * chamber that already exists under the same parent with the same name is left unchanged, so
 * importing the same file twice changes nothing. Each row's parent is checked against the
 * caller's scope before anything is looked up by the row's name: a parent outside the scope
 * gets the same message as one that does not exist.
 */
@Service
public class ChamberImport {

	/**
	 * The template's columns, in order. The last, an out-of-town chamber's origin (decision 31), is
	 * read from cell {@link #ORIGIN_COLUMN}.
	 */
	public static final List<String> HEADERS = List.of("名称", "商会类型", "区划代码", "上级组织编号", "成立日期", "已登记",
			"登记证统一社会信用代码", "党组织", "来源地区划代码");

	/** The out-of-town chamber's origin region (异地商会的来源地), blank for other chambers. */
	static final int ORIGIN_COLUMN = 8;

	static final int MAX_ROWS = 10_000;

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

	private final OrganizationManagement management;

	private final Organizations organizations;

	private final DataScopes scopes;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final TransactionTemplate outer;

	private final DataSource dataSource;

	ChamberImport(OrganizationManagement management, Organizations organizations, DataScopes scopes, JdbcClient jdbc,
			MessageSource messages, PlatformTransactionManager transactions, DataSource dataSource) {
		this.management = management;
		this.organizations = organizations;
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.messages = messages;
		this.outer = new TransactionTemplate(transactions);
		this.dataSource = dataSource;
	}

	public Result importChambers(InputStream xlsx, boolean importGoodRows, Locale locale) {
		List<List<String>> rows = read(xlsx);
		List<RowError> errors = new ArrayList<>();
		Map<Integer, NewOrganization> good = new LinkedHashMap<>();
		int[] unchanged = new int[1];
		// Pass 1, a dry run: every row through the real rules, in one transaction that is always
		// rolled back; a savepoint per row keeps one row's failure from spoiling the next.
		outer.executeWithoutResult(status -> {
			status.setRollbackOnly();
			for (int i = 0; i < rows.size(); i++) {
				int rowNumber = i + 2;
				try {
					NewOrganization chamber = parse(rows.get(i));
					// Scope first: a parent outside it must answer like one that does not exist,
					// before anything is looked up by the row's name.
					organizations.get(chamber.parentId());
					if (exists(chamber)) {
						unchanged[0]++;
						continue;
					}
					inSavepoint(() -> management.create(chamber));
					good.put(rowNumber, chamber);
				}
				catch (RuleViolationException e) {
					errors.add(new RowError(rowNumber, message(e, locale)));
				}
				catch (RecordNotFoundException e) {
					errors.add(new RowError(rowNumber, messages.getMessage("import.parentNotFound", null, locale)));
				}
			}
		});
		if (!errors.isEmpty() && !importGoodRows) {
			return new Result(rows, 0, unchanged[0], errors, false);
		}
		if (good.isEmpty()) {
			return new Result(rows, 0, unchanged[0], errors, true);
		}
		// Pass 2: the rows that passed, for real, all in one transaction.
		outer.executeWithoutResult(status -> good.values().forEach(management::create));
		return new Result(rows, good.size(), unchanged[0], errors, true);
	}

	private void inSavepoint(Runnable work) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			Savepoint savepoint = connection.setSavepoint();
			try {
				work.run();
				connection.releaseSavepoint(savepoint);
			}
			catch (RuntimeException e) {
				connection.rollback(savepoint);
				throw e;
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("savepoint failed", e);
		}
	}

	private boolean exists(NewOrganization chamber) {
		DataScope scope = scopes.current();
		return jdbc.sql("""
				select count(*) > 0 from organization
				where parent_id = :parent and name = :name and status = 'ACTIVE' and %s
				""".formatted(scope.on("path")))
			.param("parent", chamber.parentId())
			.param("name", chamber.name().trim())
			.params(scope.param())
			.query(Boolean.class)
			.single();
	}

	private String message(RuleViolationException e, Locale locale) {
		String field = messages.getMessage("import.column." + e.field(), null, e.field(), locale);
		return field + "：" + messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
	}

	static NewOrganization parse(List<String> cells) {
		String name = cell(cells, 0);
		if (!StringUtils.hasText(name)) {
			throw new RuleViolationException("name", "import.required");
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

package org.chamberlink.welfare;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.XlsxReader;
import org.chamberlink.welfare.Villages.VillageForm;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Imports villages from the Excel template for one organisation. Every row goes through the same
 * checks as the form, and a name or code twice in the file is a duplicate too. By default one bad
 * row means nothing is written and every row's problem is reported; when asked, the good rows are
 * added and the bad ones listed (as the member and chamber imports do).
 */
@Service
public class VillageImport {

	public static final List<String> HEADERS = List.of("乡镇代码", "村（社区）名称", "统计用区划代码", "帮扶状态");

	static final int MAX_ROWS = 5_000;

	/** A refused row: its number in the sheet (the header is row 1) and why. */
	public record RowError(int row, String message) {
	}

	/** @param written whether anything was added (false: nothing was, because of errors) */
	public record Result(int rows, int imported, List<RowError> errors, boolean written) {
	}

	private final Villages villages;

	private final MessageSource messages;

	VillageImport(Villages villages, MessageSource messages) {
		this.villages = villages;
		this.messages = messages;
	}

	@Transactional
	public Result importFile(Long orgId, InputStream upload, boolean goodRowsOnly, Locale locale) {
		List<List<String>> rows = XlsxReader.read(upload, HEADERS, MAX_ROWS);
		List<RowError> errors = new ArrayList<>();
		List<VillageForm> good = new ArrayList<>();
		Set<String> names = new HashSet<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			List<String> cells = rows.get(i);
			int row = i + 2;
			try {
				VillageForm form = new VillageForm(orgId, cell(cells, 0), cell(cells, 1), cell(cells, 2), status(cell(cells, 3)));
				Villages.Checked checked = villages.check(form);
				if (!names.add(checked.township() + "/" + checked.name())) {
					throw new RuleViolationException("name", "welfare.village.duplicateInFile");
				}
				if (checked.code() != null && !codes.add(checked.code())) {
					throw new RuleViolationException("statCode", "welfare.village.duplicateInFile");
				}
				good.add(form);
			}
			catch (RuleViolationException e) {
				errors.add(new RowError(row, messages.getMessage(e.field(), null, e.field(), locale) + "："
						+ messages.getMessage(e.messageKey(), e.arguments(), locale)));
			}
		}
		if (!errors.isEmpty() && !goodRowsOnly) {
			return new Result(rows.size(), 0, errors, false);
		}
		good.forEach(villages::add);
		if (good.isEmpty() && !errors.isEmpty()) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		}
		return new Result(rows.size(), good.size(), errors, !good.isEmpty());
	}

	private static String cell(List<String> cells, int index) {
		return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
	}

	/** 脱贫村, 重点帮扶村, 其他 (or the constant's name); blank or unknown: refused by the checks. */
	static ReliefStatus status(String text) {
		return switch (text) {
			case "脱贫村", "LIFTED" -> ReliefStatus.LIFTED;
			case "重点帮扶村", "KEY_SUPPORT" -> ReliefStatus.KEY_SUPPORT;
			case "其他", "其它", "OTHER" -> ReliefStatus.OTHER;
			default -> null;
		};
	}

}

package org.chamberlink.shared;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import cn.idev.excel.FastExcel;
import cn.idev.excel.cache.selector.SimpleReadCacheSelector;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.util.DateUtils;
import cn.idev.excel.enums.ReadDefaultReturnEnum;
import cn.idev.excel.metadata.data.DataFormatData;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;

import org.springframework.util.StringUtils;

/**
 * Reads the first sheet of an uploaded import template, streaming, as rows of trimmed text.
 * Refuses, with a message key on the field {@code file}: anything that is not an .xlsx, headers
 * that are not the template's, an empty sheet, more rows than allowed. Blank rows are skipped.
 */
public final class XlsxReader {

	private static final Long SHARED_STRINGS_IN_MEMORY_MB = 200L;

	private XlsxReader() {
	}

	public static List<List<String>> read(InputStream upload, List<String> headers, int maxRows) {
		return read(upload, headers, maxRows, count -> {
		});
	}

	/** As {@link #read(InputStream, List, int)}, telling {@code progress} every 1,000 rows read. */
	public static List<List<String>> read(InputStream upload, List<String> headers, int maxRows,
			IntConsumer progress) {
		InputStream xlsx = requireZip(upload);
		List<List<String>> rows = new ArrayList<>();
		boolean[] headerOk = new boolean[1];
		// what the first sheet's first row said, to tell a person why it is not the template
		String[] found = { "", "" };
		try {
			FastExcel.read(xlsx, new ReadListener<Map<Integer, ReadCellData<?>>>() {
				@Override
				public void invokeHead(Map<Integer, ReadCellData<?>> head, AnalysisContext context) {
					List<String> names = head.values()
						.stream()
						.map(c -> c.getStringValue() == null ? "" : c.getStringValue().trim())
						.toList();
					headerOk[0] = names.size() >= headers.size() && names.subList(0, headers.size()).equals(headers);
					found[0] = context.readSheetHolder().getSheetName();
					found[1] = String.join("、", names.stream().filter(StringUtils::hasText).limit(headers.size()).toList());
				}

				@Override
				public void invoke(Map<Integer, ReadCellData<?>> row, AnalysisContext context) {
					if (!headerOk[0]) {
						throw wrongHeaders(headers, found);
					}
					if (rows.size() >= maxRows) {
						throw new RuleViolationException("file", "import.tooManyRows", maxRows);
					}
					List<String> cells = new ArrayList<>(headers.size());
					for (int i = 0; i < headers.size(); i++) {
						cells.add(text(row.get(i)));
					}
					if (cells.stream().anyMatch(StringUtils::hasText)) {
						rows.add(cells);
						if (rows.size() % 1000 == 0) {
							progress.accept(rows.size());
						}
					}
				}

				@Override
				public void doAfterAllAnalysed(AnalysisContext context) {
				}
			})
				// Files saved by Excel or WPS keep every text in one shared-strings part. Above 5 MB
				// of it the library spills it to a disk cache, which made reading a 100,000-row file
				// half again as slow; the upload limit bounds it, so it is kept in memory.
				.readCacheSelector(new SimpleReadCacheSelector(SHARED_STRINGS_IN_MEMORY_MB, 20))
				// the cells' values, not their displayed text: a date shown as 2023年5月1日 or 5/1/23 is
				// the same day to a person, and a code typed as the number 5 is 5, not "5.00"
				.readDefaultReturn(ReadDefaultReturnEnum.READ_CELL_DATA)
				.sheet()
				.doRead();
		}
		catch (RuleViolationException e) {
			throw e;
		}
		catch (RuntimeException notAnExcelFile) {
			throw new RuleViolationException("file", "import.notExcel");
		}
		if (!headerOk[0]) {
			throw wrongHeaders(headers, found);
		}
		if (rows.isEmpty()) {
			throw new RuleViolationException("file", "import.empty");
		}
		return rows;
	}

	/** Only the first sheet is read: the message names it and what its first row says instead. */
	private static RuleViolationException wrongHeaders(List<String> headers, String[] found) {
		return new RuleViolationException("file", "import.wrongHeaders", String.join("、", headers),
				found[0] == null ? "" : found[0], found[1].isEmpty() ? "—" : found[1]);
	}

	/**
	 * A cell as text: a date cell (a number with a date format, whatever its display) as
	 * 2023-05-01, another number without a trailing ".0", text trimmed, nothing as "".
	 */
	static String text(ReadCellData<?> cell) {
		if (cell == null || cell.getType() == null) {
			return "";
		}
		return switch (cell.getType()) {
			case NUMBER -> {
				BigDecimal number = cell.getNumberValue();
				if (number == null) {
					yield "";
				}
				DataFormatData format = cell.getDataFormatData();
				if (format != null && DateUtils.isADateFormat(format.getIndex(), format.getFormat())
						&& DateUtils.isValidExcelDate(number.doubleValue())) {
					yield DateUtils.getLocalDateTime(number.doubleValue(), false).toLocalDate().toString();
				}
				yield number.stripTrailingZeros().toPlainString();
			}
			case BOOLEAN -> Boolean.TRUE.equals(cell.getBooleanValue()) ? "是" : "否";
			case STRING, DIRECT_STRING, RICH_TEXT_STRING -> cell.getStringValue() == null ? "" : cell.getStringValue().trim();
			default -> "";
		};
	}

	/** An .xlsx is a ZIP archive; anything else (a CSV, an old .xls, a renamed text) is refused up front. */
	private static InputStream requireZip(InputStream upload) {
		try {
			BufferedInputStream in = new BufferedInputStream(upload);
			in.mark(4);
			byte[] magic = in.readNBytes(4);
			in.reset();
			if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
				throw new RuleViolationException("file", "import.notExcel");
			}
			return in;
		}
		catch (IOException e) {
			throw new RuleViolationException("file", "import.notExcel");
		}
	}

}

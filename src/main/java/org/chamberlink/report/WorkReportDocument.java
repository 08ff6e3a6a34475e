package org.chamberlink.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import javax.imageio.ImageIO;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

import org.chamberlink.shared.Fen;
import org.chamberlink.shared.Rate;

import org.springframework.context.MessageSource;

/**
 * One annual work report being filled: the template's placeholders replaced by the return's stored
 * cells (as the pages show them), its tables, its charts (drawn with JFreeChart as PNG images, in a
 * font of the machine that draws Chinese) and the sections staff wrote.
 */
final class WorkReportDocument {

	private static final int CHART_WIDTH = 640;

	private static final int CHART_HEIGHT = 360;

	private final ReturnView view;

	private final Map<String, Long> values;

	private final Map<NarrativeSection, String> narratives;

	private final String scope;

	private final LocalDate today;

	private final MessageSource messages;

	private final Locale locale;

	WorkReportDocument(ReturnView view, Map<String, Long> values, Map<NarrativeSection, String> narratives, String scope,
			LocalDate today, MessageSource messages, Locale locale) {
		this.view = view;
		this.values = values;
		this.narratives = narratives;
		this.scope = scope;
		this.today = today;
		this.messages = messages;
		this.locale = locale;
	}

	byte[] fill(byte[] template) {
		try (XWPFDocument document = WorkReportTemplate.open(template)) {
			if (document == null) {
				throw new IllegalStateException("The work report's template is not a .docx");
			}
			List<Runnable> writeBack = new java.util.ArrayList<>();
			for (XWPFParagraph paragraph : DocxParagraphs.all(document, writeBack)) {
				String text = DocxParagraphs.ownText(paragraph);
				if (!text.contains("{{")) {
					continue;
				}
				Matcher alone = WorkReportTemplate.PLACEHOLDER.matcher(text.strip());
				if (alone.matches() && block(document, paragraph, alone.group(1).strip())) {
					continue;
				}
				replaceInline(paragraph, text);
			}
			writeBack.forEach(Runnable::run);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The paragraph's text with each placeholder replaced, in the first run's style; the other runs removed. */
	private void replaceInline(XWPFParagraph paragraph, String text) {
		Matcher matcher = WorkReportTemplate.PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(filled, Matcher.quoteReplacement(inline(matcher.group(1).strip())));
		}
		matcher.appendTail(filled);
		// the text goes into the first run that carries text; the other text runs go, runs holding a text box or image stay
		List<XWPFRun> runs = paragraph.getRuns();
		XWPFRun first = runs.stream().filter(run -> !DocxParagraphs.holdsDrawing(run) && !run.text().isEmpty()).findFirst().orElse(null);
		if (first == null) {
			paragraph.createRun().setText(filled.toString());
			return;
		}
		for (int i = runs.size() - 1; i >= 0; i--) {
			XWPFRun run = runs.get(i);
			if (run != first && !DocxParagraphs.holdsDrawing(run)) {
				paragraph.removeRun(i);
			}
		}
		first.setText(filled.toString(), 0);
		while (first.getCTR().sizeOfTArray() > 1) {
			first.getCTR().removeT(1);
		}
	}

	/** A placeholder's text; one that is not inline (or unknown) stays as it is. */
	private String inline(String name) {
		switch (name) {
			case "organisation":
				return view.orgName();
			case "year":
				return Integer.toString(view.year());
			case "asOf":
				return date(view.asOf());
			case "scope":
				return scope;
			case "status":
				return messages.getMessage("report.status." + view.status(), null, locale);
			case "generatedOn":
				return date(today);
			default:
				break;
		}
		if (name.startsWith("section.") && NarrativeSection.ofName(name.substring(8)) != null) {
			// a section where no paragraphs can be added (a text box, a header): its lines run on
			return narratives.getOrDefault(NarrativeSection.ofName(name.substring(8)), "").lines().map(String::strip)
				.filter(line -> !line.isEmpty()).collect(java.util.stream.Collectors.joining(" "));
		}
		ReturnCell cell = ReturnDefinition.cell(name);
		if (cell == null) {
			return "{{" + name + "}}";
		}
		return text(cell);
	}

	private String text(ReturnCell cell) {
		if (cell.rate()) {
			Long numerator = values.get(cell.numerator());
			Long denominator = values.get(cell.denominator());
			return numerator == null || denominator == null ? "—" : Rate.of(numerator, denominator).label();
		}
		Long value = values.get(cell.key());
		return value == null ? "—" : ReturnChecks.text(cell.key(), value);
	}

	private static String date(LocalDate date) {
		return date.getYear() + " 年 " + date.getMonthValue() + " 月 " + date.getDayOfMonth() + " 日";
	}

	/** Replaces a paragraph holding one block placeholder; false if the name is not a block. */
	private boolean block(XWPFDocument document, XWPFParagraph paragraph, String name) {
		if (name.startsWith("section.") && NarrativeSection.ofName(name.substring(8)) != null) {
			String text = narratives.getOrDefault(NarrativeSection.ofName(name.substring(8)), "");
			List<String> lines = text.isBlank() ? List.of("")
					: text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
			XWPFRun style = paragraph.getRuns().isEmpty() ? null : paragraph.getRuns().get(0);
			for (String line : lines) {
				XmlCursor cursor = paragraph.getCTP().newCursor();
				XWPFParagraph added = insertParagraph(document, paragraph, cursor);
				cursor.close();
				if (added == null) {
					return false;
				}
				added.getCTP().setPPr(paragraph.getCTP().getPPr() == null ? null : (org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr) paragraph.getCTP().getPPr().copy());
				XWPFRun run = added.createRun();
				if (style != null && style.getCTR().getRPr() != null) {
					run.getCTR().setRPr((org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr) style.getCTR().getRPr().copy());
				}
				run.setText(line);
			}
			remove(document, paragraph);
			return true;
		}
		if (name.startsWith("table.") && ReturnDefinition.table(name.substring(6)) != null) {
			if (!DocxParagraphs.inBody(document, paragraph)) {
				return false;
			}
			table(document, paragraph, ReturnDefinition.table(name.substring(6)));
			remove(document, paragraph);
			return true;
		}
		if (WorkReportTemplate.CHARTS.contains(name)) {
			for (int i = paragraph.getRuns().size() - 1; i >= 0; i--) {
				paragraph.removeRun(i);
			}
			paragraph.setAlignment(ParagraphAlignment.CENTER);
			paragraph.setIndentationFirstLine(0);
			byte[] png = chart(name);
			try {
				paragraph.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, name + ".png",
						Units.toEMU(CHART_WIDTH * 0.68), Units.toEMU(CHART_HEIGHT * 0.68));
			}
			catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
				throw new IllegalStateException("Chart " + name + " could not be placed", e);
			}
			return true;
		}
		return false;
	}

	private static XWPFParagraph insertParagraph(XWPFDocument document, XWPFParagraph at, XmlCursor cursor) {
		if (at.getBody() == document) {
			return document.insertNewParagraph(cursor);
		}
		if (at.getBody() instanceof org.apache.poi.xwpf.usermodel.XWPFTableCell cell) {
			return cell.insertNewParagraph(cursor);
		}
		return null;
	}

	private static void remove(XWPFDocument document, XWPFParagraph paragraph) {
		if (paragraph.getBody() == document) {
			document.removeBodyElement(document.getPosOfParagraph(paragraph));
		}
		else if (paragraph.getBody() instanceof org.apache.poi.xwpf.usermodel.XWPFTableCell cell) {
			cell.removeParagraph(cell.getParagraphs().indexOf(paragraph));
		}
	}

	/** A return table before the paragraph: caption, then 指标 · 单位 · 数值, parts indented. */
	private void table(XWPFDocument document, XWPFParagraph at, ReturnTable definition) {
		XmlCursor cursor = at.getCTP().newCursor();
		XWPFParagraph caption = document.insertNewParagraph(cursor);
		cursor.close();
		caption.setAlignment(ParagraphAlignment.CENTER);
		caption.setSpacingBefore(200);
		XWPFRun captionRun = caption.createRun();
		WorkReportTemplate.style(captionRun, 12, true);
		captionRun.setText(view.year() + " 年" + msg(definition.titleKey()));
		cursor = at.getCTP().newCursor();
		XWPFTable table = document.insertNewTbl(cursor);
		cursor.close();
		table.setWidth("100%");
		XWPFTableRow header = table.getRow(0) == null ? table.createRow() : table.getRow(0);
		String[] heads = { msg("report.cell"), msg("report.unit"), msg("report.value") };
		for (int i = 0; i < heads.length; i++) {
			cell(header, i, heads[i], true, ParagraphAlignment.CENTER);
		}
		for (ReturnCell cell : definition.cells()) {
			XWPFTableRow row = table.createRow();
			cell(row, 0, "　".repeat(cell.indent()) + msg(cell.labelKey()), false, ParagraphAlignment.LEFT);
			cell(row, 1, msg(cell.unitKey()), false, ParagraphAlignment.CENTER);
			cell(row, 2, text(cell), false, ParagraphAlignment.RIGHT);
		}
	}

	private static void cell(XWPFTableRow row, int index, String text, boolean bold, ParagraphAlignment alignment) {
		org.apache.poi.xwpf.usermodel.XWPFTableCell cell = row.getCell(index) == null ? row.addNewTableCell() : row.getCell(index);
		XWPFParagraph paragraph = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
		paragraph.setAlignment(alignment);
		XWPFRun run = paragraph.createRun();
		WorkReportTemplate.style(run, 10, bold);
		run.setText(text);
	}

	// ---- charts ----

	private byte[] chart(String name) {
		JFreeChart chart = switch (name) {
			case "chart.members" -> {
				DefaultPieDataset<String> data = new DefaultPieDataset<>();
				for (String key : List.of("mem.enterprises", "mem.persons", "mem.groups")) {
					data.setValue(msg(ReturnDefinition.cell(key).labelKey()), count(key));
				}
				JFreeChart pie = ChartFactory.createPieChart(msg("report.chart.members"), data, true, false, false);
				((PiePlot<?>) pie.getPlot()).setBackgroundPaint(Color.WHITE);
				yield pie;
			}
			case "chart.organizations" -> {
				DefaultCategoryDataset data = new DefaultCategoryDataset();
				for (String key : List.of("org.township", "org.industry", "org.regional", "org.outOfTown", "org.village")) {
					data.addValue(count(key), msg("report.unit.org"), msg(ReturnDefinition.cell(key).labelKey()));
				}
				yield ChartFactory.createBarChart(msg("report.chart.organizations"), null, msg("report.unit.org"), data,
						PlotOrientation.VERTICAL, false, false, false);
			}
			default -> {
				DefaultCategoryDataset data = new DefaultCategoryDataset();
				for (String key : List.of("dues.billed", "dues.paid")) {
					data.addValue(Fen.yuan(count(key)), msg("report.unit.yuan"), msg(ReturnDefinition.cell(key).labelKey()));
				}
				yield ChartFactory.createBarChart(msg("report.chart.dues"), null, msg("report.unit.yuan"), data,
						PlotOrientation.VERTICAL, false, false, false);
			}
		};
		chart.setBackgroundPaint(Color.WHITE);
		chart.getPlot().setBackgroundPaint(Color.WHITE);
		theme().apply(chart);
		BufferedImage image = chart.createBufferedImage(CHART_WIDTH, CHART_HEIGHT);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private long count(String key) {
		Long value = values.get(key);
		return value == null ? 0L : value;
	}

	private static volatile StandardChartTheme theme;

	/** JFreeChart's theme in the first font of the machine that draws Chinese (SansSerif if none does). */
	private static StandardChartTheme theme() {
		StandardChartTheme current = theme;
		if (current == null) {
			String family = Font.SANS_SERIF;
			List<String> preferred = new ArrayList<>(List.of("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimSun",
					"Source Han Sans SC", "PingFang SC"));
			String[] available = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
			List<String> names = List.of(available);
			String found = preferred.stream().filter(names::contains).findFirst().orElse(null);
			if (found == null) {
				found = names.stream().filter(n -> new Font(n, Font.PLAIN, 12).canDisplayUpTo("会员结构") == -1).findFirst().orElse(null);
			}
			if (found != null) {
				family = found;
			}
			current = new StandardChartTheme("ChamberLink");
			current.setExtraLargeFont(new Font(family, Font.BOLD, 20));
			current.setLargeFont(new Font(family, Font.BOLD, 14));
			current.setRegularFont(new Font(family, Font.PLAIN, 12));
			current.setSmallFont(new Font(family, Font.PLAIN, 10));
			current.setPlotBackgroundPaint(Color.WHITE);
			current.setChartBackgroundPaint(Color.WHITE);
			theme = current;
		}
		return current;
	}

	private String msg(String key) {
		return messages.getMessage(key, null, locale);
	}

}

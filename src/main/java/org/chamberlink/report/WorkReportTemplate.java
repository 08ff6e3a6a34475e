package org.chamberlink.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * The annual work report's template: a .docx whose text carries placeholders in double braces. The
 * placeholders are a closed set, so a template naming another is refused with its name:
 * <ul>
 * <li>{@code {{organisation}}}, {@code {{year}}}, {@code {{asOf}}} (2025 年 12 月 31 日),
 * {@code {{scope}}} (全省 / 全市 / 全区 / 本会), {@code {{status}}} (the return's status),
 * {@code {{generatedOn}}};</li>
 * <li>every cell of the return by its key — {@code {{org.chambers}}}, {@code {{dues.paid}}},
 * {@code {{dues.rate}}} — as the pages show it (1,234 · ¥1,234.56 · 89.76 %);</li>
 * <li>alone in a paragraph: {@code {{table.<table>}}} (a return table), {@code {{chart.members}}},
 * {@code {{chart.organizations}}}, {@code {{chart.dues}}} (images), and the narrative sections staff
 * write, {@code {{section.achievements}}}, {@code {{section.experience}}}, {@code {{section.problems}}},
 * {@code {{section.nextGoals}}} (one paragraph per line).</li>
 * </ul>
 * The built-in default follows the seeds' structure: cover, 基本情况 with the figures in prose, the
 * charts and tables, then 主要成效 / 经验体会 / 存在的问题 / 下一步目标. Its words are the document's
 * (the administrator replaces them with a template of their own), not the pages' bundles.
 */
final class WorkReportTemplate {

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]{1,80}?)\\s*}}");

	static final Set<String> PLAIN = Set.of("organisation", "year", "asOf", "scope", "status", "generatedOn");

	static final Set<String> CHARTS = Set.of("chart.members", "chart.organizations", "chart.dues");

	private WorkReportTemplate() {
	}

	/** Whether a placeholder's name is one a template may use. */
	static boolean known(String name) {
		if (PLAIN.contains(name) || CHARTS.contains(name) || ReturnDefinition.cell(name) != null) {
			return true;
		}
		if (name.startsWith("table.")) {
			return ReturnDefinition.table(name.substring(6)) != null;
		}
		if (name.startsWith("section.")) {
			return NarrativeSection.ofName(name.substring(8)) != null;
		}
		return false;
	}

	/** Every placeholder the document's text names — body, tables, headers, footers, text boxes — in order, each once. */
	static Set<String> placeholders(XWPFDocument document) {
		Set<String> names = new LinkedHashSet<>();
		for (XWPFParagraph paragraph : paragraphs(document)) {
			Matcher matcher = PLACEHOLDER.matcher(DocxParagraphs.ownText(paragraph));
			while (matcher.find()) {
				names.add(matcher.group(1).strip());
			}
		}
		return names;
	}

	/** The return tables a template places outside the body (in a header, footer, text box or table cell), where none fits. */
	static Set<String> tablesOutsideBody(XWPFDocument document) {
		Set<String> names = new LinkedHashSet<>();
		for (XWPFParagraph paragraph : paragraphs(document)) {
			Matcher matcher = PLACEHOLDER.matcher(DocxParagraphs.ownText(paragraph));
			while (matcher.find()) {
				if (matcher.group(1).strip().startsWith("table.") && !DocxParagraphs.inBody(document, paragraph)) {
					names.add(matcher.group(1).strip());
				}
			}
		}
		return names;
	}

	/** Every paragraph a placeholder may stand in (see {@link DocxParagraphs}). */
	static List<XWPFParagraph> paragraphs(XWPFDocument document) {
		return DocxParagraphs.all(document);
	}

	/** The default's header (the organisation and the report's title) and footer (第 N 页), neither on the cover. */
	private static void frame(XWPFDocument document) {
		XWPFParagraph header = document.createHeader(HeaderFooterType.DEFAULT).createParagraph();
		header.setAlignment(ParagraphAlignment.RIGHT);
		header.createRun().setText("{{organisation}} {{year}} 年度工作报告");
		XWPFParagraph footer = document.createFooter(HeaderFooterType.DEFAULT).createParagraph();
		footer.setAlignment(ParagraphAlignment.CENTER);
		footer.createRun().setText("第 ");
		footer.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
		footer.createRun().getCTR().addNewInstrText().setStringValue(" PAGE ");
		footer.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
		footer.createRun().setText("1");
		footer.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
		footer.createRun().setText(" 页");
		CTSectPr section = document.getDocument().getBody().isSetSectPr() ? document.getDocument().getBody().getSectPr()
				: document.getDocument().getBody().addNewSectPr();
		section.addNewTitlePg();
	}

	/** The built-in default template, as a .docx. */
	static byte[] defaults() {
		try (XWPFDocument document = new XWPFDocument()) {
			line(document, ParagraphAlignment.CENTER, 26, true, "{{organisation}}").setSpacingBefore(3000);
			line(document, ParagraphAlignment.CENTER, 22, true, "{{year}} 年度工作报告").setSpacingAfter(1200);
			line(document, ParagraphAlignment.CENTER, 14, false, "{{generatedOn}}");
			XWPFParagraph pageBreak = document.createParagraph();
			pageBreak.createRun().addBreak(BreakType.PAGE);
			heading(document, "一、基本情况");
			text(document, "截至{{asOf}}，{{scope}}已建基层商会{{org.chambers}}个，其中乡镇（街道）商会{{org.township}}个、"
					+ "行业商会{{org.industry}}个、区域商会{{org.regional}}个、异地商会{{org.outOfTown}}个、村级商会{{org.village}}个；"
					+ "已登记注册{{org.registered}}个（登记率{{org.registrationRate}}），建立党组织{{org.withParty}}个"
					+ "（覆盖率{{org.partyCoverage}}），达到“五有”标准{{org.fiveHas}}个。");
			text(document, "会员共{{mem.total}}个，其中企业会员{{mem.enterprises}}个、个人会员{{mem.persons}}人、团体会员{{mem.groups}}个；"
					+ "本地会员{{mem.local}}个、异地会员{{mem.outOfTown}}个；全年新入会{{mem.joined}}个、退会{{mem.left}}个。");
			text(document, "全年应收会费{{dues.billed}}，实收{{dues.paid}}，收缴率{{dues.rate}}。受理服务事项{{svc.cases}}件，"
					+ "办结{{svc.resolved}}件，满意率{{svc.satisfaction}}，挽回损失{{svc.recovered}}。开展活动{{act.held}}场、"
					+ "{{act.personTimes}}人次；公益项目{{wel.projects}}个，到位资金{{wel.delivered}}，受益{{wel.beneficiaries}}人；"
					+ "获得表彰{{hon.awarded}}项。");
			text(document, "{{chart.members}}");
			text(document, "{{chart.organizations}}");
			text(document, "{{chart.dues}}");
			text(document, "{{table.organizations}}");
			text(document, "{{table.members}}");
			text(document, "{{table.dues}}");
			heading(document, "二、主要成效");
			text(document, "{{section.achievements}}");
			heading(document, "三、经验体会");
			text(document, "{{section.experience}}");
			heading(document, "四、存在的问题");
			text(document, "{{section.problems}}");
			heading(document, "五、下一步目标");
			text(document, "{{section.nextGoals}}");
			line(document, ParagraphAlignment.RIGHT, 10, false, "数据来源：{{year}} 年统计年报（{{status}}，截至{{asOf}}）")
				.setSpacingBefore(400);
			frame(document);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void heading(XWPFDocument document, String text) {
		line(document, ParagraphAlignment.LEFT, 16, true, text).setSpacingBefore(240);
	}

	private static void text(XWPFDocument document, String text) {
		XWPFParagraph paragraph = line(document, ParagraphAlignment.BOTH, 12, false, text);
		paragraph.setIndentationFirstLine(480);
	}

	static XWPFParagraph line(XWPFDocument document, ParagraphAlignment alignment, int size, boolean bold, String text) {
		XWPFParagraph paragraph = document.createParagraph();
		paragraph.setAlignment(alignment);
		paragraph.setSpacingAfter(120);
		XWPFRun run = paragraph.createRun();
		style(run, size, bold);
		run.setText(text);
		return paragraph;
	}

	static void style(XWPFRun run, int size, boolean bold) {
		run.setFontFamily("宋体");
		run.setFontSize(size);
		run.setBold(bold);
	}

	/** Opens a .docx; null if the bytes are not one. */
	static XWPFDocument open(byte[] docx) {
		try {
			return new XWPFDocument(new ByteArrayInputStream(docx));
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}

}

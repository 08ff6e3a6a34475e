package org.chamberlink.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.SignedIn;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The annual work report against the database: the sections a chamber writes, the .docx generated
 * from the default template with the return's figures in its prose, tables and charts, the same
 * report as PDF, a template with an unknown placeholder refused naming it (nothing stored), a
 * replaced template used and reset; a neighbour finds none of it.
 */
@IntegrationTest
@Tag("database")
class WorkReportTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatisticalReturns returns;

	@Autowired
	WorkReports reports;

	TestTree tree;

	AccountPrincipal chamber;

	@BeforeEach
	void plant() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("工作报告");
		chamber = tree.account(tree.chamber(), Role.CHAMBER_ADMIN);
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		MemberFixture.enterprise(port, token, tree.chamber(), "工作报告企业" + tree.tag(), MemberFixture.creditCode(), MemberFixture.phone());
		MemberFixture.person(port, token, tree.chamber(), "工作报告会员", MemberFixture.identityNumber(), MemberFixture.phone());
		MemberFixture.person(port, token, tree.chamber(), "工作报告会员二", MemberFixture.identityNumber(), MemberFixture.phone());
	}

	@AfterEach
	void signOut() {
		SignedIn.signOut();
	}

	static String text(byte[] docx) throws Exception {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			return extractor.getText();
		}
	}

	/**
	 * Whether a page of the PDF draws the text: its content streams hold the text as UCS-2 (the
	 * STSong-Light CID font's UniGB-UCS2-H encoding), which OpenPDF's text extractor does not decode.
	 */
	static boolean pdfDraws(byte[] pdf, String text) {
		return pdfOccurrences(pdf, 0, text) > 0;
	}

	/** How often the text is drawn, on one page (1, 2, …) or on every page (0). */
	static int pdfOccurrences(byte[] pdf, int onPage, String text) {
		byte[] wanted = text.getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
		PdfReader reader;
		try {
			reader = new PdfReader(pdf);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		try {
			int found = 0;
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				if (onPage != 0 && page != onPage) {
					continue;
				}
				byte[] content = unescaped(reader.getPageContent(page));
				outer:
				for (int i = 0; i + wanted.length <= content.length; i++) {
					for (int j = 0; j < wanted.length; j++) {
						if (content[i + j] != wanted[j]) {
							continue outer;
						}
					}
					found++;
				}
			}
			return found;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		finally {
			reader.close();
		}
	}

	@Test
	void theReportCarriesTheReturnsFiguresChartsAndSectionsAsDocxAndPdf() throws Exception {
		ReportWorkflowTest.signIn(chamber);
		Long id = returns.open(ReportWorkflowTest.year(), null);
		returns.save(id, ReportWorkflowTest.typed("org.staff", "5", "org.staffFullTime", "3", "org.staffPartTime", "2",
				"org.staffGovFunded", "1", "org.fiveHas", "1", "mem.joined", "3", "mem.left", "0"), Map.of());
		// members by industry section: the enterprise (division 13) in section C, the persons without an industry
		assertThat(returns.cells(id).get("mem.industry.C").value()).isEqualTo(1L);
		assertThat(returns.cells(id).get("mem.industry.none").value()).isEqualTo(2L);
		assertThat(returns.cells(id).get("mem.industry.A").value()).isZero();
		reports.saveNarratives(id, Map.of("achievements", "全年走访会员企业 120 家。\n帮助企业解决融资难题 8 件。",
				"nextGoals", "推动商会规范化建设。"));
		assertThat(reports.narratives(id).get(NarrativeSection.ACHIEVEMENTS)).contains("走访会员企业");

		byte[] docx = reports.docx(id, Locale.SIMPLIFIED_CHINESE);
		String text = text(docx);
		assertThat(text).contains(("长安区工作报告商会" + tree.tag())).contains(ReportWorkflowTest.year() + " 年度工作报告")
			.contains("会员共3个，其中企业会员1个、个人会员2人")
			.contains("全年新入会3个")
			.contains("全年走访会员企业 120 家。")
			.contains("帮助企业解决融资难题 8 件。")
			.contains("推动商会规范化建设。")
			.contains("主要成效").contains("经验体会").contains("存在的问题").contains("下一步目标")
			.doesNotContain("{{");
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(document.getAllPictures()).as("three charts").hasSize(3);
			assertThat(document.getTables()).as("organisations, members, dues").hasSize(3);
			assertThat(document.getTables().get(1).getText()).contains("会员总数").contains("3");
			assertThat(document.getParagraphs().stream().map(XWPFParagraph::getText))
				.as("the achievements' two lines, two paragraphs").contains("全年走访会员企业 120 家。", "帮助企业解决融资难题 8 件。");
		}

		byte[] pdf = reports.pdf(id, Locale.SIMPLIFIED_CHINESE);
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(pdfDraws(pdf, "会员共3个")).as("the PDF draws the figures").isTrue();
		assertThat(pdfDraws(pdf, "推动商会规范化建设")).as("the PDF draws the sections").isTrue();
		assertThat(pdfDraws(pdf, "会员共4个")).isFalse();

		// the figures are the return's stored cells, not the live records
		MemberFixture.person(port, tree.token(tree.chamber(), Role.CHAMBER_ADMIN), tree.chamber(), "工作报告后来者",
				MemberFixture.identityNumber(), MemberFixture.phone());
		assertThat(text(reports.docx(id, Locale.SIMPLIFIED_CHINESE))).contains("会员共3个");

		// a neighbour finds neither the sections nor the report
		ReportWorkflowTest.signIn(tree.account(tree.neighbour(), Role.CHAMBER_ADMIN));
		assertThatThrownBy(() -> reports.docx(id, Locale.SIMPLIFIED_CHINESE)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> reports.saveNarratives(id, Map.of("problems", "x"))).isInstanceOf(RecordNotFoundException.class);
		// the county reads it but does not write the chamber's words
		ReportWorkflowTest.signIn(tree.account(tree.county(), Role.FEDERATION_ADMIN));
		assertThat(text(reports.docx(id, Locale.SIMPLIFIED_CHINESE))).contains("全年走访会员企业 120 家。");
		ReportWorkflowTest.refused(() -> reports.saveNarratives(id, Map.of("problems", "x")), "report.notOwn");

		// too long, or an unknown section: refused naming it, nothing written
		ReportWorkflowTest.signIn(chamber);
		ReportWorkflowTest.refused(() -> reports.saveNarratives(id, Map.of("problems", "问".repeat(20_001))), "report.section.tooLong");
		ReportWorkflowTest.refused(() -> reports.saveNarratives(id, Map.of("summary", "x")), "report.section.unknown");
		assertThat(reports.narratives(id).get(NarrativeSection.PROBLEMS)).isEmpty();
	}

	@Test
	void membersByIndustrySectionAnswerAsOfTheDateAsked() {
		// the enterprise joined on 2024-03-01, the persons on 2023-06-15; one person left on 2024-01-10
		jdbc.sql("update membership set left_on = date '2024-01-10', leave_reason = '测试' where id = (select min(id) from membership where org_id = :o"
				+ " and party_kind = 'PERSON')").param("o", tree.chamber()).update();
		ReportWorkflowTest.signIn(chamber);
		assertThat(industry(java.time.LocalDate.of(2023, 1, 1))).containsExactly(0L, 0L);
		assertThat(industry(java.time.LocalDate.of(2023, 12, 31))).containsExactly(0L, 2L);
		assertThat(industry(java.time.LocalDate.of(2024, 1, 10))).as("the day it ended no longer counts").containsExactly(0L, 1L);
		assertThat(industry(java.time.LocalDate.of(2024, 3, 1))).containsExactly(1L, 1L);
		// a return of 2023 read today answers for its 31 December
		assertThat(returns.recorded(organizations.get(tree.chamber()), 2023, java.time.LocalDate.of(2023, 12, 31)))
			.containsEntry("mem.industry.C", 0L).containsEntry("mem.industry.none", 2L);
	}

	@Autowired
	org.chamberlink.shared.figures.Figures figures;

	@Autowired
	org.chamberlink.organization.Organizations organizations;

	/** Section C and “none” at the chamber as of the date. */
	private java.util.List<Long> industry(java.time.LocalDate asOf) {
		var table = figures.tableOf(java.util.List.of(tree.chamber()), new org.chamberlink.shared.figures.FigurePeriod(asOf.withDayOfYear(1),
				asOf), orgId -> null, "memberIndustry.C", "memberIndustry.none");
		return table.rows().get(0).cells().stream().map(cell -> cell.value().value().longValue()).toList();
	}

	@Test
	void aTemplateWithAnUnknownPlaceholderIsRefusedAReplacedOneIsUsedAndReset() throws Exception {
		ReportWorkflowTest.signIn(chamber);
		Long id = returns.open(ReportWorkflowTest.year(), null);
		assertThatThrownBy(() -> reports.replaceTemplate("CHAMBER", "x.docx", docx("{{organisation}}")))
			.isInstanceOf(AccessDeniedException.class);

		SignedIn.asSystemAdministrator(accountManagement);
		try {
			var e = ReportWorkflowTest.refused(() -> reports.replaceTemplate("CHAMBER", "x.docx",
					docx("{{organisation}} 共有会员 {{mem.total}} 个，{{mem.unknown}}")), "report.template.unknownPlaceholder");
			assertThat(e.arguments()).containsExactly("{{mem.unknown}}");
			ReportWorkflowTest.refused(() -> reports.replaceTemplate("CHAMBER", "x.docx", "not a docx".getBytes()),
					"report.template.notDocx");
			assertThat(reports.template("CHAMBER").replaced()).isFalse();

			reports.replaceTemplate("CHAMBER", "本会模板.docx", docx("{{organisation}}{{year}}年共有会员{{mem.total}}个。", "{{section.problems}}"));
			assertThat(reports.template("CHAMBER").fileName()).isEqualTo("本会模板.docx");
			ReportWorkflowTest.signIn(chamber);
			reports.saveNarratives(id, Map.of("problems", "会费收缴率偏低。"));
			String text = text(reports.docx(id, Locale.SIMPLIFIED_CHINESE));
			assertThat(text).contains(("长安区工作报告商会" + tree.tag()) + ReportWorkflowTest.year() + "年共有会员3个。").contains("会费收缴率偏低。")
				.doesNotContain("主要成效");
		}
		finally {
			SignedIn.asSystemAdministrator(accountManagement);
			reports.resetTemplate("CHAMBER");
		}
		assertThat(reports.template("CHAMBER").replaced()).isFalse();
	}

	/** A content stream with its literal strings' escapes undone (a UCS-2 byte 0x5C, as in 作, is written escaped, as a backslash pair). */
	private static byte[] unescaped(byte[] content) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length);
		for (int i = 0; i < content.length; i++) {
			if (content[i] == '\\' && i + 1 < content.length) {
				byte next = content[++i];
				out.write(switch (next) {
					case 'n' -> 0x0A;
					case 'r' -> 0x0D;
					case 't' -> 0x09;
					case 'b' -> 0x08;
					case 'f' -> 0x0C;
					default -> next;
				});
			}
			else {
				out.write(content[i]);
			}
		}
		return out.toByteArray();
	}

	@Test
	void aTemplatesHeaderFooterAndTextBoxesAreFilledAndDrawnTheDefaultNumbersItsPages() throws Exception {
		ReportWorkflowTest.signIn(chamber);
		Long id = returns.open(ReportWorkflowTest.year(), null);
		String name = "长安区工作报告商会" + tree.tag();
		// the default: no number on the cover, 第 2 页 on the second page, the header names the organisation
		byte[] standard = reports.pdf(id, Locale.SIMPLIFIED_CHINESE);
		assertThat(pdfOccurrences(standard, 1, "第 1 页")).isZero();
		assertThat(pdfOccurrences(standard, 2, "第 2 页")).isEqualTo(1);
		// (the name's tag, after a ·, is not matched byte for byte: the header is checked up to it and after it)
		assertThat(pdfOccurrences(standard, 2, "长安区工作报告商会")).isEqualTo(1);
		assertThat(pdfOccurrences(standard, 2, " " + ReportWorkflowTest.year() + " 年度工作报告")).isEqualTo(1);

		SignedIn.asSystemAdministrator(accountManagement);
		try {
			ReportWorkflowTest.refused(() -> reports.replaceTemplate("CHAMBER", "x.docx", framed("{{table.members}}")),
					"report.template.tableOutsideBody");
			reports.replaceTemplate("CHAMBER", "带页眉的模板.docx", framed("{{organisation}} 页眉"));
			ReportWorkflowTest.signIn(chamber);
			byte[] docx = reports.docx(id, Locale.SIMPLIFIED_CHINESE);
			try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
				assertThat(document.getHeaderList().get(0).getText()).contains(name + " 页眉");
				XWPFParagraph host = document.getParagraphs().get(0);
				assertThat(DocxParagraphs.ownText(host)).isEqualTo("正文 3 个");
				assertThat(DocxParagraphs.all(document).stream().filter(p -> p.getCTP() != host.getCTP() && DocxParagraphs.ownText(p).startsWith("文本框")))
					.as("both copies of the box filled").hasSize(2)
					.allSatisfy(p -> assertThat(DocxParagraphs.ownText(p)).isEqualTo("文本框3个"));
			}
			byte[] pdf = reports.pdf(id, Locale.SIMPLIFIED_CHINESE);
			assertThat(pdfOccurrences(pdf, 1, "长安区工作报告商会")).isEqualTo(1);
			assertThat(pdfOccurrences(pdf, 1, " 页眉")).isEqualTo(1);
			assertThat(pdfOccurrences(pdf, 2, "页脚第 2")).as("the PAGE field shows the page").isEqualTo(1);
			assertThat(pdfOccurrences(pdf, 0, "文本框3个")).as("the box drawn once").isEqualTo(1);
			assertThat(pdfOccurrences(pdf, 0, "正文 3 个")).isEqualTo(1);
		}
		finally {
			SignedIn.asSystemAdministrator(accountManagement);
			reports.resetTemplate("CHAMBER");
		}
	}

	private static final String TEXT_BOX = """
			<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"
			     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent>
			<mc:Choice Requires="v"><w:pict><v:shape style="width:200pt;height:40pt"><v:textbox><w:txbxContent>
			<w:p><w:r><w:t>文本框{{mem.</w:t></w:r><w:r><w:t>total}}个</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Choice>
			<mc:Fallback><w:pict><v:shape style="width:200pt;height:40pt"><v:textbox><w:txbxContent>
			<w:p><w:r><w:t>文本框{{mem.</w:t></w:r><w:r><w:t>total}}个</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
			</mc:AlternateContent></w:r>""";

	/** A template with the header given, a footer with a PAGE field, a text box in the first paragraph and a second page. */
	private static byte[] framed(String header) {
		try (XWPFDocument document = new XWPFDocument()) {
			document.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph().createRun().setText(header);
			XWPFParagraph footer = document.createFooter(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph();
			footer.createRun().setText("页脚第 ");
			var page = footer.getCTP().addNewFldSimple();
			page.setInstr(" PAGE \\* MERGEFORMAT ");
			page.addNewR().addNewT().setStringValue("1");
			XWPFParagraph host = document.createParagraph();
			host.createRun().setText("正文 {{mem.");
			host.createRun().setText("total}} 个");
			try (org.apache.xmlbeans.XmlCursor at = host.getCTP().newCursor();
					org.apache.xmlbeans.XmlCursor box = org.apache.xmlbeans.XmlObject.Factory.parse(TEXT_BOX).newCursor()) {
				at.toEndToken();
				box.toFirstChild();
				box.copyXml(at);
			}
			document.createParagraph().createRun().addBreak(org.apache.poi.xwpf.usermodel.BreakType.PAGE);
			document.createParagraph().createRun().setText("第二页");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.write(out);
			return out.toByteArray();
		}
		catch (java.io.IOException | org.apache.xmlbeans.XmlException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A .docx with a paragraph per line, the placeholders split over several runs as Word does. */
	static byte[] docx(String... lines) {
		try (XWPFDocument document = new XWPFDocument()) {
			for (String line : lines) {
				XWPFParagraph paragraph = document.createParagraph();
				int half = line.length() / 2;
				paragraph.createRun().setText(line.substring(0, half));
				paragraph.createRun().setText(line.substring(half));
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.write(out);
			return out.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}

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
		byte[] wanted = text.getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
		PdfReader reader;
		try {
			reader = new PdfReader(pdf);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		try {
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				byte[] content = reader.getPageContent(page);
				outer:
				for (int i = 0; i + wanted.length <= content.length; i++) {
					for (int j = 0; j < wanted.length; j++) {
						if (content[i + j] != wanted[j]) {
							continue outer;
						}
					}
					return true;
				}
			}
			return false;
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

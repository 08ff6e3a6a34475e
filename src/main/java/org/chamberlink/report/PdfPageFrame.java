package org.chamberlink.report;

import java.util.List;
import java.util.function.UnaryOperator;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFieldRun;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFldChar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * A .docx's header and footer drawn on every PDF page: the default ones, and on the first page
 * the first-page ones where the document asks for a different first page (a cover without a page
 * number). A {@code PAGE} field — simple or complex, as Word writes it — shows the page's number.
 */
final class PdfPageFrame extends PdfPageEventHelper {

	/** Stands for the page number in a line until the page is drawn. */
	private static final String PAGE = "\uE000";

	private final List<Line> headers;

	private final List<Line> footers;

	private final List<Line> firstHeaders;

	private final List<Line> firstFooters;

	private final BaseFont font;

	private final UnaryOperator<String> drawable;

	private PdfPageFrame(XWPFDocument source, BaseFont font, UnaryOperator<String> drawable) {
		XWPFHeaderFooterPolicy policy = source.getHeaderFooterPolicy();
		boolean titlePage = source.getDocument().getBody().getSectPr() != null && source.getDocument().getBody().getSectPr().isSetTitlePg();
		this.headers = lines(policy == null ? null : policy.getDefaultHeader());
		this.footers = lines(policy == null ? null : policy.getDefaultFooter());
		this.firstHeaders = titlePage ? lines(policy == null ? null : policy.getFirstPageHeader()) : headers;
		this.firstFooters = titlePage ? lines(policy == null ? null : policy.getFirstPageFooter()) : footers;
		this.font = font;
		this.drawable = drawable;
	}

	/** Sets the frame on the writer (before the document opens); nothing when the .docx has no header or footer. */
	static void frame(PdfWriter writer, XWPFDocument source, BaseFont font, UnaryOperator<String> drawable) {
		PdfPageFrame frame = new PdfPageFrame(source, font, drawable);
		if (!(frame.headers.isEmpty() && frame.footers.isEmpty() && frame.firstHeaders.isEmpty() && frame.firstFooters.isEmpty())) {
			writer.setPageEvent(frame);
		}
	}

	@Override
	public void onEndPage(PdfWriter writer, Document document) {
		boolean first = writer.getPageNumber() == 1;
		String page = Integer.toString(writer.getPageNumber());
		List<Line> top = first ? firstHeaders : headers;
		List<Line> bottom = first ? firstFooters : footers;
		float y = document.top() + 24;
		for (int i = top.size() - 1; i >= 0; i--) {
			draw(writer, document, top.get(i), page, y);
			y += 13;
		}
		y = document.bottom() - 30;
		for (Line line : bottom) {
			draw(writer, document, line, page, y);
			y -= 13;
		}
	}

	private void draw(PdfWriter writer, Document document, Line line, String page, float y) {
		String text = drawable.apply(line.text().replace(PAGE, page));
		int alignment = switch (line.alignment()) {
			case CENTER -> Element.ALIGN_CENTER;
			case RIGHT, END -> Element.ALIGN_RIGHT;
			default -> Element.ALIGN_LEFT;
		};
		float x = switch (alignment) {
			case Element.ALIGN_CENTER -> (document.left() + document.right()) / 2;
			case Element.ALIGN_RIGHT -> document.right();
			default -> document.left();
		};
		ColumnText.showTextAligned(writer.getDirectContent(), alignment, new Phrase(text, new Font(font, 9)), x, y, 0);
	}

	private record Line(String text, ParagraphAlignment alignment) {
	}

	private static List<Line> lines(XWPFHeaderFooter part) {
		if (part == null) {
			return List.of();
		}
		return part.getParagraphs().stream().map(p -> new Line(text(p), p.getAlignment())).filter(line -> !line.text().isBlank()).toList();
	}

	/** The paragraph's text with each PAGE field's shown result replaced by the page-number mark. */
	static String text(XWPFParagraph paragraph) {
		StringBuilder text = new StringBuilder();
		boolean inField = false;
		boolean pageResult = false;
		StringBuilder instruction = new StringBuilder();
		for (IRunElement element : paragraph.getIRuns()) {
			if (element instanceof XWPFFieldRun field) {
				text.append(isPage(field.getFieldInstruction()) ? PAGE : field.text());
				continue;
			}
			if (!(element instanceof XWPFRun run)) {
				continue;
			}
			for (CTFldChar mark : run.getCTR().getFldCharList()) {
				if (mark.getFldCharType() == STFldCharType.BEGIN) {
					inField = true;
					instruction.setLength(0);
				}
				else if (mark.getFldCharType() == STFldCharType.SEPARATE && isPage(instruction.toString())) {
					pageResult = true;
					text.append(PAGE);
				}
				else if (mark.getFldCharType() == STFldCharType.END) {
					inField = false;
					pageResult = false;
				}
			}
			for (CTText instr : run.getCTR().getInstrTextList()) {
				instruction.append(instr.getStringValue());
			}
			if (!(inField && pageResult) && run.getCTR().getInstrTextList().isEmpty()) {
				text.append(run.text());
			}
		}
		return text.toString();
	}

	private static boolean isPage(String instruction) {
		return instruction != null && instruction.strip().toUpperCase(java.util.Locale.ROOT).matches("PAGE(\\s.*)?");
	}

}

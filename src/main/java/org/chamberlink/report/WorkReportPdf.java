package org.chamberlink.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A generated work report (.docx) converted to PDF in pure Java: its body drawn in order with
 * OpenPDF — paragraphs with their alignment, size, weight and first-line indent, page breaks, the
 * chart images, the tables, the text boxes (framed, after the paragraph they are anchored in), the
 * header and footer on every page with its page number — in Adobe's STSong-Light (no font file shipped), as the other PDFs do.
 * Not a general Word renderer: what the report's templates use.
 */
final class WorkReportPdf {

	private WorkReportPdf() {
	}

	static byte[] render(byte[] docx) {
		try (XWPFDocument source = WorkReportTemplate.open(docx)) {
			if (source == null) {
				throw new IllegalStateException("Not a .docx");
			}
			BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A4, 64, 64, 64, 64);
			PdfWriter writer = PdfWriter.getInstance(document, out);
			PdfPageFrame.frame(writer, source, song, text -> drawable(text, song));
			document.open();
			for (IBodyElement element : source.getBodyElements()) {
				if (element instanceof XWPFParagraph paragraph) {
					paragraph(document, paragraph, song);
				}
				else if (element instanceof XWPFTable table) {
					document.add(table(table, song));
				}
			}
			document.close();
			return out.toByteArray();
		}
		catch (IOException | DocumentException e) {
			throw new IllegalStateException("The work report could not be converted to PDF", e);
		}
	}

	private static void paragraph(Document document, XWPFParagraph source, BaseFont song) throws DocumentException, IOException {
		boolean pageBreak = source.getRuns().stream()
			.anyMatch(run -> run.getCTR().getBrList().stream().anyMatch(br -> br.getType() != null && "page".equals(br.getType().toString())));
		XWPFRun first = source.getRuns().isEmpty() ? null : source.getRuns().get(0);
		Double size = first == null ? null : first.getFontSizeAsDouble();
		Font font = new Font(song, size == null ? 12f : size.floatValue(), first != null && first.isBold() ? Font.BOLD : Font.NORMAL);
		String own = DocxParagraphs.ownText(source);
		Paragraph paragraph = new Paragraph(drawable(own, song), font);
		paragraph.setAlignment(alignment(source.getAlignment()));
		paragraph.setLeading(font.getSize() * 1.6f);
		if (source.getIndentationFirstLine() > 0) {
			paragraph.setFirstLineIndent(source.getIndentationFirstLine() / 20f);
		}
		if (source.getSpacingBefore() > 0) {
			paragraph.setSpacingBefore(source.getSpacingBefore() / 20f);
		}
		if (source.getSpacingAfter() > 0) {
			paragraph.setSpacingAfter(source.getSpacingAfter() / 20f);
		}
		for (XWPFRun run : source.getRuns()) {
			for (XWPFPicture picture : run.getEmbeddedPictures()) {
				Image image = Image.getInstance(picture.getPictureData().getData());
				float width = document.getPageSize().getWidth() - document.leftMargin() - document.rightMargin();
				image.scaleToFit(width * 0.85f, 400f);
				image.setAlignment(Image.MIDDLE);
				document.add(image);
			}
		}
		if (!own.isEmpty()) {
			document.add(paragraph);
		}
		textBoxes(document, source, song);
		if (pageBreak) {
			document.newPage();
		}
	}

	/** The text boxes anchored in a paragraph, each drawn after it as a framed block (where Word floats them is not kept). */
	private static void textBoxes(Document document, XWPFParagraph host, BaseFont song) throws DocumentException {
		List<XWPFParagraph> lines = DocxParagraphs.textBoxes(host);
		if (lines.isEmpty()) {
			return;
		}
		PdfPTable box = new PdfPTable(1);
		box.setWidthPercentage(100);
		box.setSpacingBefore(4);
		box.setSpacingAfter(8);
		PdfPCell cell = new PdfPCell();
		cell.setPadding(6);
		for (XWPFParagraph line : lines) {
			XWPFRun first = line.getRuns().isEmpty() ? null : line.getRuns().get(0);
			Double size = first == null ? null : first.getFontSizeAsDouble();
			Paragraph drawn = new Paragraph(drawable(DocxParagraphs.ownText(line), song),
					new Font(song, size == null ? 11f : size.floatValue(), first != null && first.isBold() ? Font.BOLD : Font.NORMAL));
			drawn.setAlignment(alignment(line.getAlignment()));
			cell.addElement(drawn);
		}
		box.addCell(cell);
		document.add(box);
	}

	private static PdfPTable table(XWPFTable source, BaseFont song) {
		int columns = source.getRows().stream().mapToInt(row -> row.getTableCells().size()).max().orElse(1);
		PdfPTable table = new PdfPTable(columns);
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		table.setSpacingAfter(8);
		for (XWPFTableRow row : source.getRows()) {
			int filled = 0;
			for (XWPFTableCell cell : row.getTableCells()) {
				XWPFParagraph first = cell.getParagraphs().isEmpty() ? null : cell.getParagraphs().get(0);
				boolean bold = first != null && !first.getRuns().isEmpty() && first.getRuns().get(0).isBold();
				PdfPCell drawn = new PdfPCell(new Paragraph(drawable(cell.getText(), song), new Font(song, 9, bold ? Font.BOLD : Font.NORMAL)));
				drawn.setHorizontalAlignment(first == null ? Element.ALIGN_LEFT : alignment(first.getAlignment()));
				drawn.setPadding(3);
				table.addCell(drawn);
				filled++;
			}
			for (; filled < columns; filled++) {
				table.addCell(new PdfPCell());
			}
		}
		return table;
	}

	private static int alignment(ParagraphAlignment alignment) {
		return switch (alignment) {
			case CENTER -> Element.ALIGN_CENTER;
			case RIGHT, END -> Element.ALIGN_RIGHT;
			case BOTH, DISTRIBUTE -> Element.ALIGN_JUSTIFIED;
			default -> Element.ALIGN_LEFT;
		};
	}

	/** Characters the font cannot draw become □, control characters vanish (as on the receipt). */
	private static String drawable(String text, BaseFont base) {
		StringBuilder shown = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			boolean drawable = c <= 0xFFFF && (c == ' ' || (!Character.isISOControl(c) && base.charExists(c)));
			shown.append(drawable ? Character.toString(c) : Character.isISOControl(c) ? "" : "□");
		});
		return shown.toString();
	}

}

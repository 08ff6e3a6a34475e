package org.chamberlink.report;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;

/**
 * Where a template's text lives in a .docx: the body's paragraphs and its tables' cells, the
 * headers' and footers', and the paragraphs of text boxes anchored in any of them. Word keeps a
 * text box twice — as a drawing and, for older readers, as a VML fallback — so both copies are
 * filled, and drawn once.
 */
final class DocxParagraphs {

	private static final String WORDML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

	private DocxParagraphs() {
	}

	/** Every paragraph that may carry a placeholder, text boxes' copies included — to read. */
	static List<XWPFParagraph> all(XWPFDocument document) {
		return all(document, new ArrayList<>());
	}

	/**
	 * Every paragraph that may carry a placeholder — to edit: a text box's paragraph the schema does
	 * not type (inside mc:AlternateContent, VML) is edited as a typed copy, and {@code writeBack}
	 * collects what puts each copy back into the document once the edits are done.
	 */
	static List<XWPFParagraph> all(XWPFDocument document, List<Runnable> writeBack) {
		List<XWPFParagraph> all = new ArrayList<>();
		collect(all, document.getBodyElements(), writeBack);
		for (XWPFHeader header : document.getHeaderList()) {
			collect(all, header.getBodyElements(), writeBack);
		}
		for (XWPFFooter footer : document.getFooterList()) {
			collect(all, footer.getBodyElements(), writeBack);
		}
		return all;
	}

	private static void collect(List<XWPFParagraph> all, List<IBodyElement> elements, List<Runnable> writeBack) {
		for (IBodyElement element : elements) {
			if (element instanceof XWPFParagraph paragraph) {
				all.add(paragraph);
				all.addAll(textBoxes(paragraph, true, writeBack));
			}
			else if (element instanceof XWPFTable table) {
				for (XWPFTableRow row : table.getRows()) {
					for (XWPFTableCell cell : row.getTableCells()) {
						collect(all, cell.getBodyElements(), writeBack);
					}
				}
			}
		}
	}

	/** The paragraphs of the text boxes anchored in a paragraph, each box once (the drawing, not its fallback) — to read. */
	static List<XWPFParagraph> textBoxes(XWPFParagraph host) {
		return textBoxes(host, false, new ArrayList<>());
	}

	static List<XWPFParagraph> textBoxes(XWPFParagraph host, boolean fallbacks, List<Runnable> writeBack) {
		List<XmlObject> nodes = new ArrayList<>();
		try (XmlCursor cursor = host.getCTP().newCursor()) {
			cursor.selectPath("declare namespace w='" + WORDML + "' .//w:txbxContent/w:p");
			while (cursor.toNextSelection()) {
				if (fallbacks || !inFallback(cursor)) {
					nodes.add(cursor.getObject());
				}
			}
		}
		List<XWPFParagraph> found = new ArrayList<>(nodes.size());
		for (XmlObject node : nodes) {
			if (node instanceof CTP typed) {
				found.add(new XWPFParagraph(typed, host.getBody()));
				continue;
			}
			try {
				CTP copy = CTP.Factory.parse(node.xmlText());
				found.add(new XWPFParagraph(copy, host.getBody()));
				writeBack.add(() -> node.set(copy));
			}
			catch (XmlException e) {
				throw new IllegalStateException("A text box's paragraph could not be read", e);
			}
		}
		return found;
	}

	private static boolean inFallback(XmlCursor at) {
		try (XmlCursor up = at.newCursor()) {
			while (up.toParent()) {
				if (up.getName() != null && "Fallback".equals(up.getName().getLocalPart())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * A paragraph's own text, without its text boxes' (POI's {@code getText} appends what its
	 * drawings hold, which would let a box's placeholder be replaced into the paragraph around it).
	 */
	static String ownText(XWPFParagraph paragraph) {
		StringBuilder text = new StringBuilder();
		for (XWPFRun run : paragraph.getRuns()) {
			text.append(run.text());
		}
		return text.toString();
	}

	/** Whether a run holds a drawing or a picture (a text box, an image) that replacing text must keep. */
	static boolean holdsDrawing(XWPFRun run) {
		org.w3c.dom.NodeList children = run.getCTR().getDomNode().getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (DRAWINGS.contains(children.item(i).getLocalName())) {
				return true;
			}
		}
		return false;
	}

	/** A run's elements that hold a drawing: DrawingML, VML, either behind mc:AlternateContent, an embedded object. */
	private static final java.util.Set<String> DRAWINGS = java.util.Set.of("drawing", "pict", "AlternateContent", "object");

	/** Whether the paragraph stands in the document's body itself (a return table can be placed only there). */
	static boolean inBody(XWPFDocument document, XWPFParagraph paragraph) {
		return paragraph.getBody() == document && document.getPosOfParagraph(paragraph) >= 0;
	}

}

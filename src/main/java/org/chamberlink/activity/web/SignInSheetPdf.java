package org.chamberlink.activity.web;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.chamberlink.activity.ActivityView;
import org.chamberlink.activity.Attendee;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The paper sign-in sheet (签到表) of an activity, A4: the activity's title, time, place and
 * organisers above a table of those registered (members and guests) with a column to sign in, and
 * blank rows for those who walk in; the table's head repeats on every page, each page is numbered.
 * Chinese text in Adobe's STSong-Light as the receipt has it: no font ships with the application.
 */
@Component
class SignInSheetPdf {

	/** Blank rows after the registered, for walk-ins. */
	static final int BLANK_ROWS = 10;

	private static final int MIDDLE_DOT = 0x00B7;

	private static final int KATAKANA_MIDDLE_DOT = 0x30FB;

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final MessageSource messages;

	SignInSheetPdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(ActivityView activity, List<Attendee> registered, Locale locale) {
		try {
			BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			Font title = new Font(song, 16, Font.BOLD);
			Font text = new Font(song, 10.5f);
			Font head = new Font(song, 10.5f, Font.BOLD);
			Font small = new Font(song, 8);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A4, 42, 42, 40, 48);
			PdfWriter writer = PdfWriter.getInstance(document, out);
			String footer = msg("activity.sheet.title", locale) + " · " + activity.title();
			writer.setPageEvent(new PdfPageEventHelper() {
				@Override
				public void onEndPage(PdfWriter pages, Document page) {
					ColumnText.showTextAligned(pages.getDirectContent(), Element.ALIGN_CENTER,
							new Phrase(drawable(footer + " · " + msg("activity.sheet.page", locale, pages.getPageNumber()), small),
									small),
							(page.left() + page.right()) / 2, page.bottom() - 24, 0);
				}
			});
			document.addTitle(msg("activity.sheet.title", locale) + " " + activity.title());
			document.open();
			Paragraph heading = new Paragraph(drawable(activity.title(), title), title);
			heading.setAlignment(Element.ALIGN_CENTER);
			document.add(heading);
			Paragraph sheet = new Paragraph(drawable(msg("activity.sheet.title", locale), head), head);
			sheet.setAlignment(Element.ALIGN_CENTER);
			sheet.setSpacingAfter(8);
			document.add(sheet);
			String when = DAY_TIME.format(activity.startsLocal()) + " – "
					+ (activity.endsLocal().toLocalDate().equals(activity.startsLocal().toLocalDate())
							? TIME.format(activity.endsLocal()) : DAY_TIME.format(activity.endsLocal()));
			line(document, msg("activity.sheet.when", locale, when), text);
			String place = activity.place() != null ? activity.place() : activity.onlineLink();
			line(document, msg("activity.sheet.place", locale, place == null ? "" : place), text);
			line(document, msg("activity.sheet.organizer", locale, activity.orgName() == null ? "" : activity.orgName()), text);
			List<String> co = new ArrayList<>(activity.coOrganizers());
			if (activity.coOrganizerNames() != null) {
				co.add(activity.coOrganizerNames());
			}
			if (!co.isEmpty()) {
				line(document, msg("activity.sheet.coOrganizers", locale, String.join("、", co)), text);
			}
			PdfPTable table = new PdfPTable(new float[] { 0.7f, 3f, 3f, 2.6f });
			table.setWidthPercentage(100);
			table.setSpacingBefore(10);
			table.setHeaderRows(1);
			for (String key : List.of("activity.sheet.number", "activity.sheet.name", "activity.sheet.org",
					"activity.sheet.signature")) {
				PdfPCell cell = cell(msg(key, locale), head);
				cell.setHorizontalAlignment(Element.ALIGN_CENTER);
				cell.setGrayFill(0.9f);
				table.addCell(cell);
			}
			int number = 0;
			for (Attendee attendee : registered) {
				number++;
				table.addCell(numberCell(number, text));
				table.addCell(cell(attendee.name() == null ? "" : attendee.name(), text));
				table.addCell(cell(attendee.guest() ? msg("activity.sheet.guest", locale)
						: attendee.orgName() == null ? "" : attendee.orgName(), text));
				table.addCell(cell("", text));
			}
			for (int blank = 0; blank < BLANK_ROWS; blank++) {
				number++;
				table.addCell(numberCell(number, text));
				table.addCell(cell("", text));
				table.addCell(cell("", text));
				table.addCell(cell("", text));
			}
			document.add(table);
			document.close();
			return out.toByteArray();
		}
		catch (java.io.IOException | DocumentException e) {
			throw new IllegalStateException("Sign-in sheet of activity " + activity.id() + " could not be rendered", e);
		}
	}

	private static void line(Document document, String text, Font font) {
		document.add(new Paragraph(drawable(text, font), font));
	}

	private static PdfPCell numberCell(int number, Font font) {
		PdfPCell cell = cell(Integer.toString(number), font);
		cell.setHorizontalAlignment(Element.ALIGN_CENTER);
		return cell;
	}

	private static PdfPCell cell(String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(drawable(text, font), font));
		cell.setMinimumHeight(26);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		cell.setPaddingLeft(5);
		return cell;
	}

	/**
	 * What the font can draw: a character it does not have (an emoji in a name, beyond its 65,536
	 * code points) becomes □ and a control character is left out, as on the receipt (issue 14). The
	 * middle dot of names like 阿依古丽·买买提 (U+00B7), which the font lacks, is drawn as the one it has (U+30FB).
	 */
	private static String drawable(String text, Font font) {
		BaseFont base = font.getBaseFont();
		StringBuilder shown = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			int drawn = c == MIDDLE_DOT && !base.charExists(c) && base.charExists(KATAKANA_MIDDLE_DOT) ? KATAKANA_MIDDLE_DOT : c;
			boolean fits = drawn <= 0xFFFF && (drawn == ' ' || (!Character.isISOControl(drawn) && base.charExists(drawn)));
			shown.append(fits ? Character.toString(drawn) : Character.isISOControl(drawn) ? "" : "□");
		});
		return shown.toString();
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}

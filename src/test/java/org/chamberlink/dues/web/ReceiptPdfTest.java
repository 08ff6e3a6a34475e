package org.chamberlink.dues.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chamberlink.dues.PaymentMethod;
import org.chamberlink.dues.Receipt;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The receipt PDF carries its Chinese text as text (searchable, right when read back), not as missing glyphs. */
class ReceiptPdfTest {

	@Test
	void chineseTextIsWrittenAndReadBack() throws Exception {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		Receipt receipt = new Receipt(7L, 5L, 12, 3L, "长安区建材商会", "石家庄华北建材有限公司", 2026, "VICE_PRESIDENT", 1_050_000L,
				1_000_000L, 50_000L, PaymentMethod.BANK, "TX-1", LocalDate.of(2026, 3, 2), "wang_sg", "王秘书长",
				OffsetDateTime.now(), false);

		byte[] pdf = new ReceiptPdf(messages).render(receipt, Locale.CHINA);

		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		String text;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			text = new PDFTextStripper().getText(document).replace(" ", "");
		}
		assertThat(text).contains("长安区建材商会会费收据", "000012", "石家庄华北建材有限公司", "2026年度会费（副会长）",
				"壹万零伍佰元整", "¥10,500.00", "银行转账", "2026年3月2日", "王秘书长");
	}

	/** Issue 14: a character the Song font does not have (an emoji) is drawn as □, not a 500. */
	@Test
	void aCharacterOutsideTheFontIsReplacedNotAFailure() throws Exception {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		Receipt receipt = new Receipt(8L, 6L, 13, 3L, "长安区建材商会", "张三😀工作室", 2026, "MEMBER", 50_000L, 50_000L, 0L,
				PaymentMethod.CASH, null, LocalDate.of(2026, 3, 2), "wang_sg", "王秘书长\u0007", OffsetDateTime.now(), false);

		byte[] pdf = new ReceiptPdf(messages).render(receipt, Locale.CHINA);

		String text;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			text = new PDFTextStripper().getText(document).replace(" ", "");
		}
		assertThat(text).contains("张三□工作室", "王秘书长");
	}

}

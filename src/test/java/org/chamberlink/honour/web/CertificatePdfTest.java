package org.chamberlink.honour.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.chamberlink.honour.Award;
import org.chamberlink.honour.HonourLevel;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificates' QR codes (1-bit, a fixed mask pattern, drawn straight into the image's bits)
 * still read as the verification page's address, one per page of a merged PDF.
 */
class CertificatePdfTest {

	@Test
	void everyPageCarriesAReadableQrCodeOfItsVerificationPage() throws Exception {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		List<String> numbers = List.of("RY-ABCD-EFGH-JKLM-NPQR", "RY-2345-6792-STUV-WXYZ", "RY-ZZZZ-AAAA-2222-9999");
		List<Award> awards = numbers.stream()
			.map(n -> new Award(1L, 1L, 1L, HonourLevel.COUNTY, 2026, n, LocalDate.of(2026, 11, 28), 2L, "/1/2/", "长安区工商联", "五星级文明户",
					3L, 4L, false, "张三", "长安区商会", null, null, null, null, null))
			.toList();
		byte[] pdf = new CertificatePdf(messages).render(awards, n -> "https://shanglian.example.cn/honours/verify/" + n,
				Locale.SIMPLIFIED_CHINESE);
		assertThat(CertificateQrReader.read(pdf)).containsExactlyInAnyOrderElementsOf(
				numbers.stream().map(n -> "https://shanglian.example.cn/honours/verify/" + n).toList());
	}

}

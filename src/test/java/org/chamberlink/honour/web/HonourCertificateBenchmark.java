package org.chamberlink.honour.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.chamberlink.honour.Award;
import org.chamberlink.honour.HonourLevel;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Issue 18's bulk-certificate goal, the PDF half: one merged PDF of 10,000 county-level
 * certificates (a page each, with its QR code) must take ≤ 60 s. Renders the merged PDF from
 * 10,000 awards as the award page's "all certificates" does (the same {@link CertificatePdf}), three
 * times, and prints the times and size. No database: writing the 10,000 awards is not measured
 * here. Run: {@code BENCHMARK_ONLY=certificates ./mvnw -q test-compile exec:exec} (dispatched by
 * MemberBenchmark before it starts anything). Not a test: it asserts nothing, it measures.
 */
public final class HonourCertificateBenchmark {

	private HonourCertificateBenchmark() {
	}

	public static void main(String[] args) {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		CertificatePdf pdf = new CertificatePdf(messages);
		List<Award> awards = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			awards.add(new Award((long) i + 1, (long) i + 1, 1L, HonourLevel.COUNTY, 2026, number(i), LocalDate.of(2026, 11, 28), 2L,
					"/1/2/", "长安区工商联", "五星级文明户", (long) i + 1, (long) i + 1, i % 10 == 0, "文明户" + i + "号商户",
					"长安区第" + (i % 40 + 1) + "商会", null, null, null, null, null));
		}
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		pdf.render(awards.subList(0, Math.min(200, count)), HonourCertificateBenchmark::url, zh); // warm-up
		double[] seconds = new double[3];
		long size = 0;
		for (int run = 0; run < seconds.length; run++) {
			long started = System.nanoTime();
			size = pdf.render(awards, HonourCertificateBenchmark::url, zh).length;
			seconds[run] = (System.nanoTime() - started) / 1e9;
			System.out.printf("run %d: %,d certificates in one PDF in %.1f s (%,d bytes)%n", run + 1, count, seconds[run], size);
		}
		Arrays.sort(seconds);
		System.out.printf("| merged certificate PDF, %,d pages | median %.1f s (min %.1f, max %.1f), %.1f MB | ≤ 60 s |%n", count,
				seconds[1], seconds[0], seconds[2], size / 1e6);
	}

	/**
	 * The merged PDF of these awards as the award page renders it (the application's own
	 * {@link CertificatePdf} bean), for the benchmark that writes the awards in the kept province.
	 */
	public static byte[] render(org.springframework.context.ApplicationContext context, List<Award> awards) {
		return context.getBean(CertificatePdf.class).render(awards, HonourCertificateBenchmark::url, Locale.SIMPLIFIED_CHINESE);
	}

	/** What the page puts in the QR code (the verification page's full address), without a request to take the host from. */
	private static String url(String number) {
		return "https://shanglian.example.cn/honours/verify/" + number;
	}

	private static String number(int i) {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ2345679";
		StringBuilder digits = new StringBuilder();
		long n = 7_919L * i + 104_729L;
		for (int k = 0; k < 16; k++) {
			digits.append(alphabet.charAt((int) (n % alphabet.length())));
			n = n / alphabet.length() + k * 31L + i;
		}
		return "RY-" + digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8, 12) + "-" + digits.substring(12, 16);
	}

}

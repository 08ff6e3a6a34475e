package org.chamberlink.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes and reads one tiny workbook once the application is ready, on a thread of its own: the
 * first Excel upload after a start otherwise pays 2–5 s loading and warming the spreadsheet
 * libraries (measured on the chamber import, docs/benchmarks.md), which the secretary's first
 * import of the day should not.
 */
@Component
class XlsxWarmUp {

	private static final Logger log = LoggerFactory.getLogger(XlsxWarmUp.class);

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread thread = new Thread(XlsxWarmUp::roundTrip, "xlsx-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	static void roundTrip() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (XlsxWriter writer = XlsxWriter.open(out, "warm-up", List.of("名称", "日期"))) {
				writer.row(List.of("预热", "2026-01-01"));
			}
			XlsxReader.read(new ByteArrayInputStream(out.toByteArray()), List.of("名称", "日期"), 10);
		}
		catch (RuntimeException e) {
			// only a warm-up: the real upload reports its own problems
			log.debug("Spreadsheet warm-up failed", e);
		}
	}

}

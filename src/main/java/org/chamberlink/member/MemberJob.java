package org.chamberlink.member;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.chamberlink.shared.ChinaTime;

/**
 * A background import or export and how far it has come.
 *
 * @param written for an import: whether rows were written (false: nothing was, because of errors)
 * @param skippedRows for an import of the good rows only: the row numbers left out
 * @param hasResult a file to download: the export, or the import's error report
 */
public record MemberJob(Long id, String kind, String status, String fileName, boolean importGoodRows,
		Integer totalRows, int processedRows, int partiesCreated, int membershipsAdded, int unchangedRows,
		int errorRows, boolean written, String skippedRows, String message, String resultName, boolean hasResult,
		OffsetDateTime createdAt, OffsetDateTime finishedAt) {

	public boolean finished() {
		return "DONE".equals(status) || "FAILED".equals(status);
	}

	public LocalDateTime createdInChina() {
		return ChinaTime.of(createdAt);
	}

	/** 0–100 for the progress bar. */
	public int percent() {
		if (finished()) {
			return 100;
		}
		if (totalRows == null || totalRows == 0) {
			return 0;
		}
		return Math.min(99, processedRows * 100 / totalRows);
	}

}

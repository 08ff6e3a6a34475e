package org.chamberlink.publication;

import java.time.LocalDate;

/** An issue of a publication with its figures: copies on the distribution list and members who read it online. */
public record IssueView(Long id, Long publicationId, String publicationTitle, String number, LocalDate issuedOn, int printRun,
		String pdfName, int pdfSize, long copiesDistributed, long onlineReads) {
}

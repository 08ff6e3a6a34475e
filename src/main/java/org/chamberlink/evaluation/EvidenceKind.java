package org.chamberlink.evaluation;

/** What a criterion needs as evidence: an attachment, the records behind an indicator, or nothing. */
public enum EvidenceKind {
	ATTACHMENT, RECORDS, NONE
}

package org.chamberlink.publication;

/**
 * A publication with its figures: issues, copies distributed and online reads of all issues.
 */
public record PublicationView(Long id, Long orgId, String orgPath, String title, long issues, long copiesDistributed,
		long onlineReads) {
}

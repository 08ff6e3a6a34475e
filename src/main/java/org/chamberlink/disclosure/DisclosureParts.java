package org.chamberlink.disclosure;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a disclosure publishes besides its texts and finances: the party-affairs documents, the
 * resolutions of the year's meetings, and the files (documents, expense vouchers) read within the
 * caller's scope.
 */
@Service
public class DisclosureParts {

	public record Document(Long id, String name, String type) {
	}

	public record FileContent(String name, String type, byte[] bytes) {
	}

	/** A resolution published: from an activity's minutes (activityId) or typed. */
	public record ResolutionLine(Long id, Long activityId, LocalDate heldOn, String meeting, String text) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Disclosures disclosures;

	DisclosureParts(JdbcClient jdbc, DataScopes scopes, Disclosures disclosures) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.disclosures = disclosures;
	}

	@Transactional(readOnly = true)
	public List<Document> documents(Long id) {
		return documentsOf(disclosures.get(id).id());
	}

	/** A party-affairs document, within the caller's scope. */
	@Transactional(readOnly = true)
	public FileContent document(Long documentId) {
		DataScope scope = scopes.current();
		return jdbc.sql("select x.name, x.type, x.bytes from disclosure_document x join disclosure d on d.id = x.disclosure_id"
				+ " where x.id = :id and " + scope.on("d.org_path"))
			.param("id", documentId).params(scope.param()).query(FileContent.class).optional()
			.orElseThrow(() -> new RecordNotFoundException("DisclosureDocument", documentId));
	}

	@Transactional(readOnly = true)
	public List<ResolutionLine> resolutions(Long id) {
		return resolutionsOf(disclosures.get(id).id());
	}

	@Transactional(readOnly = true)
	public FileContent voucher(Long expenseId) {
		DataScope scope = scopes.current();
		return jdbc.sql("select x.voucher_name as name, x.voucher_type as type, x.voucher as bytes from disclosure_expense x"
				+ " join disclosure d on d.id = x.disclosure_id where x.id = :id and " + scope.on("d.org_path"))
			.param("id", expenseId).params(scope.param()).query(FileContent.class).optional()
			.orElseThrow(() -> new RecordNotFoundException("DisclosureExpense", expenseId));
	}

	/** The documents of a disclosure the caller may read (checked by the caller). */
	List<Document> documentsOf(Long disclosureId) {
		return jdbc.sql("select id, name, type from disclosure_document where disclosure_id = :d order by id").param("d", disclosureId)
			.query(Document.class).list();
	}

	/** The resolutions of a disclosure the caller may read (checked by the caller). */
	List<ResolutionLine> resolutionsOf(Long disclosureId) {
		return jdbc.sql("select id, activity_id, held_on, meeting, text from disclosure_resolution where disclosure_id = :d"
				+ " order by held_on nulls last, id").param("d", disclosureId).query(ResolutionLine.class).list();
	}

}

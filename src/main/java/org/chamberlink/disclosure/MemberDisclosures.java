package org.chamberlink.disclosure;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.chamberlink.disclosure.DisclosureFinances.Finances;
import org.chamberlink.disclosure.DisclosureParts.Document;
import org.chamberlink.disclosure.DisclosureParts.FileContent;
import org.chamberlink.disclosure.DisclosureParts.ResolutionLine;
import org.chamberlink.disclosure.Disclosures.Disclosure;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberAccounts;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's reading of disclosures: only the published ones of the organisations they are a
 * current member of; anything else answers as not found.
 */
@Service
public class MemberDisclosures {

	public record MemberView(Disclosure disclosure, List<Document> documents, List<ResolutionLine> resolutions, Finances finances) {
	}

	private final JdbcClient jdbc;

	private final Disclosures disclosures;

	private final DisclosureParts parts;

	private final DisclosureFinances finances;

	private final MemberAccounts accounts;

	MemberDisclosures(JdbcClient jdbc, Disclosures disclosures, DisclosureParts parts, DisclosureFinances finances,
			MemberAccounts accounts) {
		this.jdbc = jdbc;
		this.disclosures = disclosures;
		this.parts = parts;
		this.finances = finances;
		this.accounts = accounts;
	}

	/** The published disclosures of the organisations the member currently belongs to, newest first. */
	@Transactional(readOnly = true)
	public List<Disclosure> forMember(AccountPrincipal me) {
		Set<Long> orgs = memberOrgs(me);
		if (orgs.isEmpty()) {
			return List.of();
		}
		return disclosures.named(jdbc.sql(Disclosures.COLUMNS
				+ " where d.org_id in (:orgs) and d.status = 'PUBLISHED' order by d.year desc, d.id desc limit 100")
			.param("orgs", orgs).query(Disclosure.class).list());
	}

	/** One of those, with its finances; anything else is not found. */
	@Transactional(readOnly = true)
	public Disclosure forMember(AccountPrincipal me, Long id) {
		Set<Long> orgs = memberOrgs(me);
		return jdbc.sql(Disclosures.COLUMNS + " where d.id = :id and d.status = 'PUBLISHED'").param("id", id)
			.query(Disclosure.class).optional()
			.filter(d -> orgs.contains(d.orgId())).map(d -> disclosures.named(List.of(d)).get(0))
			.orElseThrow(() -> new RecordNotFoundException("Disclosure", id));
	}

	/** A member's view of a published disclosure's parts (documents, resolutions, finances), checked as {@link #forMember}. */
	@Transactional(readOnly = true)
	public MemberView memberView(AccountPrincipal me, Long id) {
		Disclosure d = forMember(me, id);
		return new MemberView(d, parts.documentsOf(d.id()), parts.resolutionsOf(d.id()), finances.finances(d));
	}

	/** A document of a published disclosure of one of the member's organisations. */
	@Transactional(readOnly = true)
	public FileContent documentForMember(AccountPrincipal me, Long documentId) {
		Set<Long> orgs = memberOrgs(me);
		return jdbc.sql("select d.org_id, x.name, x.type, x.bytes from disclosure_document x join disclosure d on d.id = x.disclosure_id"
				+ " where x.id = :id and d.status = 'PUBLISHED'")
			.param("id", documentId)
			.query((rs, n) -> orgs.contains(rs.getLong("org_id"))
					? new FileContent(rs.getString("name"), rs.getString("type"), rs.getBytes("bytes")) : null)
			.optional().orElseThrow(() -> new RecordNotFoundException("DisclosureDocument", documentId));
	}

	private Set<Long> memberOrgs(AccountPrincipal me) {
		return accounts.membershipsOf(me).stream().filter(m -> m.leftOn() == null).map(MemberAccounts.OwnMembership::orgId)
			.collect(Collectors.toSet());
	}

}

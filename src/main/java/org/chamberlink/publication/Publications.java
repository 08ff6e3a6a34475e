package org.chamberlink.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publications (会刊 / 通讯) of the caller's scope: a publication, its issues as PDFs with number,
 * date and print run, each issue's distribution list (copies per organisation of the publisher's
 * subtree) and the figures — issues, copies distributed, online reads. Members of the publisher's
 * subtree read the issues in the portal; the first opening by a member counts as an online read.
 */
@Service
public class Publications {

	/** The largest PDF (bytes): the upload limit. */
	public static final int LARGEST_PDF = 20 * 1024 * 1024;

	private static final String PUBLICATION = """
			select p.id, p.org_id, p.org_path, p.title,
			       (select count(*) from publication_issue i where i.publication_id = p.id) as issues,
			       (select coalesce(sum(d.copies), 0) from publication_distribution d join publication_issue i on i.id = d.issue_id
			        where i.publication_id = p.id) as copies_distributed,
			       (select count(*) from publication_read r join publication_issue i on i.id = r.issue_id where i.publication_id = p.id) as online_reads
			from publication p
			""";

	private static final String ISSUE = """
			select i.id, i.publication_id, p.title as publication_title, i.number, i.issued_on, i.print_run, i.pdf_name, i.pdf_size,
			       (select coalesce(sum(d.copies), 0) from publication_distribution d where d.issue_id = i.id) as copies_distributed,
			       (select count(*) from publication_read r where r.issue_id = i.id) as online_reads
			from publication_issue i join publication p on p.id = i.publication_id
			""";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final PartyEmails parties;

	private final AuditTrail audit;

	private final Clock clock;

	Publications(JdbcClient jdbc, DataScopes scopes, Organizations organizations, PartyEmails parties, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.parties = parties;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<PublicationView> list() {
		DataScope scope = scopes.current();
		return jdbc.sql(PUBLICATION + " where " + scope.on("p.org_path") + " order by p.title, p.id").params(scope.param())
			.query(PublicationView.class).list();
	}

	@Transactional(readOnly = true)
	public PublicationView get(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(PUBLICATION + " where p.id = :id and " + scope.on("p.org_path")).param("id", id).params(scope.param())
			.query(PublicationView.class).optional().orElseThrow(() -> new RecordNotFoundException("Publication", id));
	}

	@Transactional(readOnly = true)
	public List<IssueView> issues(Long publicationId) {
		get(publicationId);
		return jdbc.sql(ISSUE + " where i.publication_id = :id order by i.issued_on desc, i.id desc").param("id", publicationId)
			.query(IssueView.class).list();
	}

	/** An issue of a publication in the caller's scope. */
	@Transactional(readOnly = true)
	public IssueView issue(Long issueId) {
		DataScope scope = scopes.current();
		return jdbc.sql(ISSUE + " where i.id = :id and " + scope.on("p.org_path")).param("id", issueId).params(scope.param())
			.query(IssueView.class).optional().orElseThrow(() -> new RecordNotFoundException("Issue", issueId));
	}

	/** The distribution list of an issue: organisation id to copies. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> distribution(Long issueId) {
		issue(issueId);
		return jdbc.sql("select org_id, copies from publication_distribution where issue_id = :id").param("id", issueId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long create(Long orgId, String title) {
		if (orgId == null) {
			throw new RuleViolationException("orgId", "publication.orgRequired");
		}
		OrganizationSummary org = organizations.get(orgId);
		String name = required(title, 100, "title", "field.title");
		if (jdbc.sql("select count(*) from publication where org_id = :org and title = :title").param("org", org.id()).param("title", name)
			.query(Long.class).single() > 0) {
			throw new RuleViolationException("title", "publication.titleTaken");
		}
		Long id = jdbc.sql("insert into publication (org_id, org_path, title, created_by, created_at) values (:org, :path, :title, :by, :now)"
				+ " returning id")
			.param("org", org.id()).param("path", org.path()).param("title", name).param("by", actor())
			.param("now", java.sql.Timestamp.from(clock.instant())).query(Long.class).single();
		audit.record(AuditEntry.of("PUBLICATION_CREATED").entity("Publication", id).org(org.id()).summary(name));
		return id;
	}

	/** Adds an issue: its number (unique in the publication), date, print run and the PDF. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long addIssue(Long publicationId, String number, LocalDate issuedOn, Integer printRun, String pdfName, byte[] pdf) {
		PublicationView publication = get(publicationId);
		String no = required(number, 30, "number", "field.issueNumber");
		if (issuedOn == null) {
			throw new RuleViolationException("issuedOn", "publication.fieldRequired", new DefaultMessageSourceResolvable("field.issuedOn"));
		}
		if (printRun != null && (printRun < 0 || printRun > 10_000_000)) {
			throw new RuleViolationException("printRun", "publication.printRunInvalid");
		}
		if (pdf == null || pdf.length == 0) {
			throw new RuleViolationException("pdf", "publication.pdfRequired");
		}
		if (pdf.length > LARGEST_PDF) {
			throw new RuleViolationException("pdf", "publication.pdfTooLarge", LARGEST_PDF / 1024 / 1024);
		}
		if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
			throw new RuleViolationException("pdf", "publication.notPdf");
		}
		if (jdbc.sql("select count(*) from publication_issue where publication_id = :p and number = :n").param("p", publicationId)
			.param("n", no).query(Long.class).single() > 0) {
			throw new RuleViolationException("number", "publication.numberTaken", no);
		}
		String name = pdfName == null || pdfName.isBlank() ? publication.title() + no + ".pdf" : pdfName;
		Long id = jdbc.sql("""
				insert into publication_issue (publication_id, number, issued_on, print_run, pdf_name, pdf, pdf_size, created_at)
				values (:p, :n, :on, :run, :name, :pdf, :size, :now) returning id
				""")
			.param("p", publicationId).param("n", no).param("on", issuedOn).param("run", printRun == null ? 0 : printRun)
			.param("name", name.length() > 200 ? name.substring(0, 200) : name).param("pdf", pdf).param("size", pdf.length)
			.param("now", java.sql.Timestamp.from(clock.instant())).query(Long.class).single();
		audit.record(AuditEntry.of("PUBLICATION_ISSUE_ADDED").entity("Publication", publicationId).org(publication.orgId())
			.summary(publication.title() + " " + no));
		return id;
	}

	/**
	 * Sets an issue's distribution list: copies per organisation of the publisher's subtree (0 or none
	 * removes it); the copies together may not exceed the print run when one is given.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void distribute(Long issueId, Map<Long, Integer> copies) {
		IssueView issue = issue(issueId);
		PublicationView publication = get(issue.publicationId());
		long total = 0;
		for (Map.Entry<Long, Integer> entry : copies.entrySet()) {
			int n = entry.getValue() == null ? 0 : entry.getValue();
			if (n < 0) {
				throw new RuleViolationException("copies", "publication.copiesInvalid");
			}
			if (n > 0 && !organizations.get(entry.getKey()).path().startsWith(publication.orgPath())) {
				throw new RuleViolationException("copies", "publication.outsidePublisher");
			}
			total += n;
		}
		if (issue.printRun() > 0 && total > issue.printRun()) {
			throw new RuleViolationException("copies", "publication.copiesBeyondPrintRun", total, issue.printRun());
		}
		jdbc.sql("delete from publication_distribution where issue_id = :id").param("id", issueId).update();
		copies.forEach((org, n) -> {
			if (n != null && n > 0) {
				jdbc.sql("insert into publication_distribution (issue_id, org_id, copies) values (:i, :o, :c)").param("i", issueId)
					.param("o", org).param("c", n).update();
			}
		});
	}

	// ---- the member portal ----

	/** The condition that the member (:party) belongs, on :today, to the publisher {@code p}'s subtree. */
	private static final String READER = """
			exists (select 1 from published_membership m where m.party_id = :party and m.org_path like p.org_path || '%'
			        and m.joined_on <= :today and (m.left_on is null or m.left_on > :today))
			""";

	/** The issues of publications of the member's organisations and those above them, newest first (at most 50). */
	@Transactional(readOnly = true)
	public List<IssueView> issuesFor(AccountPrincipal member) {
		Optional<Long> party = parties.partyOf(member);
		if (party.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(ISSUE + " where " + READER + " order by i.issued_on desc, i.id desc limit 50").param("party", party.get())
			.param("today", today()).query(IssueView.class).list();
	}

	public record Pdf(String name, byte[] content) {
	}

	/** An issue's PDF for a member who may read it, the first opening counted as an online read. */
	@Transactional
	public Optional<Pdf> read(AccountPrincipal member, Long issueId) {
		Optional<Long> party = parties.partyOf(member);
		if (party.isEmpty()) {
			return Optional.empty();
		}
		Optional<Pdf> pdf = jdbc.sql("select i.pdf_name, i.pdf from publication_issue i join publication p on p.id = i.publication_id"
				+ " where i.id = :id and " + READER)
			.param("id", issueId).param("party", party.get()).param("today", today())
			.query((rs, n) -> new Pdf(rs.getString(1), rs.getBytes(2))).optional();
		pdf.ifPresent(found -> jdbc.sql("insert into publication_read (issue_id, party_id, first_read_at) values (:i, :p, :now)"
				+ " on conflict do nothing").param("i", issueId).param("p", party.get())
			.param("now", java.sql.Timestamp.from(clock.instant())).update());
		return pdf;
	}

	/** An issue's PDF for staff of the scope (no read counted). */
	@Transactional(readOnly = true)
	public Pdf pdf(Long issueId) {
		issue(issueId);
		return jdbc.sql("select pdf_name, pdf from publication_issue where id = :id").param("id", issueId)
			.query((rs, n) -> new Pdf(rs.getString(1), rs.getBytes(2))).single();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	private static String required(String value, int max, String field, String label) {
		if (value == null || value.isBlank()) {
			throw new RuleViolationException(field, "publication.fieldRequired", new DefaultMessageSourceResolvable(label));
		}
		TextLimit.atMost(field, label, value, max);
		return value.strip();
	}

	private static long actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal ? principal.id() : 0L;
	}

}

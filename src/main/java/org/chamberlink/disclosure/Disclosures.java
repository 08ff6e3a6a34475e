package org.chamberlink.disclosure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationPath;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's yearly 三公开 disclosure: one a year, opened as a draft and read by staff within
 * their data scope, with the board of who published. Its draft is written through
 * {@link DisclosureDrafts}, its documents and resolutions read through {@link DisclosureParts}, its
 * finances computed by {@link DisclosureFinances}; a member reads the published ones of their
 * organisations through {@link MemberDisclosures}.
 */
@Service
public class Disclosures {

	static final String COLUMNS = """
			select d.id, d.org_id, d.org_path, d.year, d.party_text, d.leadership_text, d.status, d.published_at, d.version,
			       null as org_name
			from disclosure d
			""";

	/** The most a voucher or document may weigh. */
	public static final int MAX_FILE = 10 * 1024 * 1024;

	public record Disclosure(Long id, Long orgId, String orgPath, int year, String partyText, String leadershipText, String status,
			OffsetDateTime publishedAt, long version, String orgName) {

		public boolean published() {
			return "PUBLISHED".equals(status);
		}

		/** Published at, China time. */
		public LocalDateTime publishedLocal() {
			return publishedAt == null ? null : ChinaTime.of(publishedAt);
		}

		Disclosure named(String name) {
			return new Disclosure(id, orgId, orgPath, year, partyText, leadershipText, status, publishedAt, version, name);
		}

	}

	/** One organisation of a subtree on the board: whether it published for the year. */
	public record BoardRow(Long orgId, String orgName, boolean published, Long disclosureId) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final AuditTrail audit;

	private final Clock clock;

	Disclosures(JdbcClient jdbc, DataScopes scopes, Organizations organizations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/** The last period: the calendar year before this one (China time). */
	public int lastYear() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear() - 1;
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long create(Long orgId, Integer year) {
		if (orgId == null) {
			throw new RuleViolationException("orgId", "disclosure.required");
		}
		OrganizationSummary org = organizations.find(orgId)
			.orElseThrow(() -> new RuleViolationException("orgId", "disclosure.organization.notFound"));
		int thisYear = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
		if (year == null || year < ChinaTime.FIRST_YEAR || year > thisYear) {
			throw new RuleViolationException("year", "disclosure.year.invalid", String.valueOf(thisYear));
		}
		boolean exists = jdbc.sql("select exists (select 1 from disclosure where org_id = :org and year = :year)")
			.param("org", org.id()).param("year", year).query(Boolean.class).single();
		if (exists) {
			throw new RuleViolationException("year", "disclosure.year.exists", String.valueOf(year));
		}
		Long id = jdbc.sql("insert into disclosure (org_id, org_path, year, status) values (:org, :path, :year, 'DRAFT') returning id")
			.param("org", org.id()).param("path", org.path()).param("year", year).query(Long.class).single();
		audit.record(AuditEntry.of("DISCLOSURE_CREATED").entity("Disclosure", id).org(org.id()).summary(org.name() + " " + year));
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<Disclosure> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(COLUMNS + " where d.id = :id and " + scope.on("d.org_path")).param("id", id).params(scope.param())
			.query(Disclosure.class).optional().map(d -> named(List.of(d)).get(0));
	}

	public Disclosure get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Disclosure", id));
	}

	/** Disclosures in the caller's scope, newest year first. */
	@Transactional(readOnly = true)
	public List<Disclosure> list(Integer year) {
		DataScope scope = scopes.current();
		Map<String, Object> params = new HashMap<>(scope.param());
		String where = scope.on("d.org_path");
		if (year != null) {
			where += " and d.year = :year";
			params.put("year", year);
		}
		return named(jdbc.sql(COLUMNS + " where " + where + " order by d.year desc, d.org_path, d.id limit 300").params(params)
			.query(Disclosure.class).list());
	}

	/**
	 * The organisations of a node's subtree (itself included) and whether each published its
	 * disclosure for the year; not found outside the caller's scope.
	 */
	@Transactional(readOnly = true)
	public List<BoardRow> board(Long orgId, int year) {
		List<OrganizationPath> within = organizations.activeWithin(orgId);
		Map<Long, Long> published = new HashMap<>();
		if (!within.isEmpty()) {
			jdbc.sql("select org_id, id from disclosure where org_id in (:ids) and year = :year and status = 'PUBLISHED'")
				.param("ids", within.stream().map(OrganizationPath::id).toList()).param("year", year)
				.query((rs, n) -> published.put(rs.getLong("org_id"), rs.getLong("id"))).list();
		}
		Map<Long, String> names = organizations.namesUnscoped(within.stream().map(OrganizationPath::id).toList());
		return within.stream().map(o -> new BoardRow(o.id(), names.get(o.id()), published.containsKey(o.id()), published.get(o.id())))
			.sorted(Comparator.comparing(BoardRow::published)).toList();
	}

	/** A draft in the caller's scope, locked for the change; a published one is refused as frozen. */
	Disclosure draft(Long id) {
		DataScope scope = scopes.current();
		Disclosure d = jdbc.sql(COLUMNS + " where d.id = :id and " + scope.on("d.org_path") + " for update").param("id", id)
			.params(scope.param()).query(Disclosure.class).optional().map(x -> named(List.of(x)).get(0))
			.orElseThrow(() -> new RecordNotFoundException("Disclosure", id));
		if (d.published()) {
			throw new RuleViolationException("status", "disclosure.published.frozen");
		}
		return d;
	}

	/** The rows with their organisations' names. */
	List<Disclosure> named(List<Disclosure> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, String> names = organizations.namesUnscoped(rows.stream().map(Disclosure::orgId).distinct().toList());
		return rows.stream().map(d -> d.named(names.get(d.orgId()))).toList();
	}

}

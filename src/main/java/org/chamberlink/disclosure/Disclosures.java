package org.chamberlink.disclosure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.chamberlink.activity.ActivityMinutes;
import org.chamberlink.activity.ActivityMinutes.PassedResolution;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.dues.DuesLedger;
import org.chamberlink.dues.EntryKind;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.MemberAccounts;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationPath;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.welfare.CampaignKind;
import org.chamberlink.welfare.Donations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's yearly 三公开 disclosure: a draft is written (texts, documents, resolutions,
 * expenses with vouchers) while its finances are computed from the ledgers on every view; publishing
 * freezes the income as computed then, and nothing of a published disclosure changes. Staff read
 * within their data scope; a member reads the published disclosures of the organisations they are
 * a current member of.
 */
@Service
public class Disclosures {

	private static final String COLUMNS = """
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
		public java.time.LocalDateTime publishedLocal() {
			return publishedAt == null ? null : ChinaTime.of(publishedAt);
		}

		Disclosure named(String name) {
			return new Disclosure(id, orgId, orgPath, year, partyText, leadershipText, status, publishedAt, version, name);
		}

	}

	public record Document(Long id, String name, String type) {
	}

	public record FileContent(String name, String type, byte[] bytes) {
	}

	/** A resolution published: from an activity's minutes (activityId) or typed. */
	public record ResolutionLine(Long id, Long activityId, LocalDate heldOn, String meeting, String text) {
	}

	public record ResolutionForm(Long activityId, LocalDate heldOn, String meeting, String text) {
	}

	public record Expense(Long id, LocalDate spentOn, ExpenseCategory category, String purpose, long amountFen, String voucherName) {

		public String amount() {
			return Fen.format(amountFen);
		}

	}

	public record ExpenseForm(LocalDate spentOn, ExpenseCategory category, String purpose, String amount) {
	}

	/** Money with its yuan sign in front of the digits and a minus in front of both: -¥4,065.40. */
	static String money(long fen) {
		return (fen < 0 ? "-¥" : "¥") + Fen.format(Math.abs(fen));
	}

	/** Income of one category (dues: PAID, REFUNDED; donations: the campaign's kind). */
	public record IncomeLine(IncomeSource source, String category, long amountFen) {

		/** The amount with its yuan sign, a refund as -¥12.00. */
		public String yuan() {
			return money(amountFen);
		}

	}

	/** The year's finances: income by category, expenses, the balance (income less expenses). */
	public record Finances(List<IncomeLine> income, List<Expense> expenses, boolean frozen) {

		public long incomeFen() {
			return income.stream().mapToLong(IncomeLine::amountFen).sum();
		}

		public long expenseFen() {
			return expenses.stream().mapToLong(Expense::amountFen).sum();
		}

		public long balanceFen() {
			return incomeFen() - expenseFen();
		}

		public String incomeTotal() {
			return signed(incomeFen());
		}

		public String expenseTotal() {
			return signed(expenseFen());
		}

		public String balance() {
			return signed(balanceFen());
		}

		private static String signed(long fen) {
			return money(fen);
		}

	}

	/** One organisation of a subtree on the board: whether it published for the year. */
	public record BoardRow(Long orgId, String orgName, boolean published, Long disclosureId) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final DuesLedger dues;

	private final Donations donations;

	private final ActivityMinutes minutes;

	private final MemberAccounts accounts;

	private final AuditTrail audit;

	private final Clock clock;

	Disclosures(JdbcClient jdbc, DataScopes scopes, Organizations organizations, DuesLedger dues, Donations donations,
			ActivityMinutes minutes, MemberAccounts accounts, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.dues = dues;
		this.donations = donations;
		this.minutes = minutes;
		this.accounts = accounts;
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

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void writeTexts(Long id, String partyText, String leadershipText) {
		Disclosure d = draft(id);
		String party = optional("partyText", partyText, 8000);
		String leadership = optional("leadershipText", leadershipText, 4000);
		jdbc.sql("update disclosure set party_text = :p, leadership_text = :l, version = version + 1 where id = :id")
			.param("p", party).param("l", leadership).param("id", d.id()).update();
		audit.record(AuditEntry.of("DISCLOSURE_EDITED").entity("Disclosure", id).org(d.orgId()).summary(d.orgName() + " " + d.year()));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long addDocument(Long id, FileContent file) {
		Disclosure d = draft(id);
		if (file == null || file.bytes() == null || file.bytes().length == 0) {
			throw new RuleViolationException("document", "disclosure.document.required");
		}
		if (file.bytes().length > MAX_FILE) {
			throw new RuleViolationException("document", "disclosure.file.tooLarge");
		}
		Long doc = jdbc.sql("insert into disclosure_document (disclosure_id, name, type, bytes) values (:d, :n, :t, :b) returning id")
			.param("d", d.id()).param("n", name(file.name())).param("t", type(file.type())).param("b", file.bytes())
			.query(Long.class).single();
		audit.record(AuditEntry.of("DISCLOSURE_EDITED").entity("Disclosure", id).org(d.orgId()).summary(name(file.name())));
		return doc;
	}

	@Transactional(readOnly = true)
	public List<Document> documents(Long id) {
		Disclosure d = get(id);
		return jdbc.sql("select id, name, type from disclosure_document where disclosure_id = :d order by id").param("d", d.id())
			.query(Document.class).list();
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

	/** The resolutions the organisation's meetings of the year passed, which the draft may publish. */
	@Transactional(readOnly = true)
	public List<PassedResolution> resolutionChoices(Long id) {
		Disclosure d = get(id);
		return minutes.passedResolutions(d.orgId(), LocalDate.of(d.year(), 1, 1), LocalDate.of(d.year(), 12, 31));
	}

	/**
	 * Adds a resolution: taken from the minutes (the activity and the text must be a resolution its
	 * meeting of that year passed), or typed (text, and the meeting and day if known).
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long addResolution(Long id, ResolutionForm form) {
		Disclosure d = draft(id);
		String text;
		LocalDate heldOn;
		String meeting;
		if (form.activityId() != null) {
			PassedResolution picked = resolutionChoices(id).stream()
				.filter(r -> r.activityId().equals(form.activityId()) && r.text().equals(form.text()))
				.findFirst()
				.orElseThrow(() -> new RuleViolationException("text", "disclosure.resolution.notInMinutes"));
			text = picked.text();
			heldOn = picked.heldOn();
			meeting = picked.meeting();
		}
		else {
			text = required("text", form.text(), 500);
			heldOn = form.heldOn();
			if (heldOn != null && heldOn.getYear() != d.year()) {
				throw new RuleViolationException("heldOn", "disclosure.date.outsideYear", String.valueOf(d.year()));
			}
			meeting = optional("meeting", form.meeting(), 200);
		}
		Long line = jdbc.sql("""
				insert into disclosure_resolution (disclosure_id, activity_id, held_on, meeting, text)
				values (:d, :a, :on, :m, :t) returning id
				""").param("d", d.id()).param("a", form.activityId()).param("on", heldOn).param("m", meeting).param("t", text)
			.query(Long.class).single();
		audit.record(AuditEntry.of("DISCLOSURE_EDITED").entity("Disclosure", id).org(d.orgId()).summary(text));
		return line;
	}

	@Transactional(readOnly = true)
	public List<ResolutionLine> resolutions(Long id) {
		Disclosure d = get(id);
		return jdbc.sql("select id, activity_id, held_on, meeting, text from disclosure_resolution where disclosure_id = :d"
				+ " order by held_on nulls last, id").param("d", d.id()).query(ResolutionLine.class).list();
	}

	/** An expense with its voucher (a file): without a voucher it is refused and nothing is written. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long addExpense(Long id, ExpenseForm form, FileContent voucher) {
		Disclosure d = draft(id);
		if (form.spentOn() == null) {
			throw new RuleViolationException("spentOn", "disclosure.required");
		}
		if (form.spentOn().getYear() != d.year()) {
			throw new RuleViolationException("spentOn", "disclosure.date.outsideYear", String.valueOf(d.year()));
		}
		if (form.category() == null) {
			throw new RuleViolationException("category", "disclosure.required");
		}
		String purpose = required("purpose", form.purpose(), 300);
		Long fen = Fen.parse(form.amount());
		if (fen == null || fen == 0) {
			throw new RuleViolationException("amount", "disclosure.amount.invalid");
		}
		if (voucher == null || voucher.bytes() == null || voucher.bytes().length == 0) {
			throw new RuleViolationException("voucher", "disclosure.expense.voucherRequired");
		}
		if (voucher.bytes().length > MAX_FILE) {
			throw new RuleViolationException("voucher", "disclosure.file.tooLarge");
		}
		Long expense = jdbc.sql("""
				insert into disclosure_expense (disclosure_id, spent_on, category, purpose, amount_fen, voucher_name, voucher_type, voucher)
				values (:d, :on, :c, :p, :fen, :n, :t, :v) returning id
				""").param("d", d.id()).param("on", form.spentOn()).param("c", form.category().name()).param("p", purpose)
			.param("fen", fen).param("n", name(voucher.name())).param("t", type(voucher.type())).param("v", voucher.bytes())
			.query(Long.class).single();
		audit.record(AuditEntry.of("DISCLOSURE_EXPENSE_ADDED").entity("Disclosure", id).org(d.orgId())
			.summary(purpose + " ¥" + Fen.format(fen)));
		return expense;
	}

	@Transactional(readOnly = true)
	public FileContent voucher(Long expenseId) {
		DataScope scope = scopes.current();
		return jdbc.sql("select x.voucher_name as name, x.voucher_type as type, x.voucher as bytes from disclosure_expense x"
				+ " join disclosure d on d.id = x.disclosure_id where x.id = :id and " + scope.on("d.org_path"))
			.param("id", expenseId).params(scope.param()).query(FileContent.class).optional()
			.orElseThrow(() -> new RecordNotFoundException("DisclosureExpense", expenseId));
	}

	/** The year's finances: as frozen when published, else computed from the ledgers now. */
	@Transactional(readOnly = true)
	public Finances finances(Long id) {
		return finances(get(id));
	}

	private Finances finances(Disclosure d) {
		List<Expense> expenses = jdbc.sql("select id, spent_on, category, purpose, amount_fen, voucher_name from disclosure_expense"
				+ " where disclosure_id = :d order by spent_on, id").param("d", d.id()).query(Expense.class).list();
		if (d.published()) {
			List<IncomeLine> income = jdbc.sql("select source, category, amount_fen from disclosure_income where disclosure_id = :d"
					+ " order by source desc, category").param("d", d.id()).query(IncomeLine.class).list();
			return new Finances(income, expenses, true);
		}
		return new Finances(computedIncome(d.orgId(), d.year()), expenses, false);
	}

	/**
	 * Income of an organisation for a year from the ledgers, by category: dues paid (payments net of
	 * corrections), dues refunded (negative), and donations received by the kind of campaign.
	 */
	@Transactional(readOnly = true)
	public List<IncomeLine> computedIncome(Long orgId, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		Map<EntryKind, Long> ledger = dues.sumsByKind(orgId, from, to);
		List<IncomeLine> lines = new ArrayList<>();
		long paid = ledger.getOrDefault(EntryKind.PAYMENT, 0L) + ledger.getOrDefault(EntryKind.CORRECTION, 0L);
		lines.add(new IncomeLine(IncomeSource.DUES, "PAID", paid));
		long refunded = ledger.getOrDefault(EntryKind.REFUND, 0L);
		if (refunded != 0) {
			lines.add(new IncomeLine(IncomeSource.DUES, "REFUNDED", -refunded));
		}
		Map<CampaignKind, Long> donated = donations.receivedByKind(orgId, from, to);
		for (CampaignKind kind : CampaignKind.values()) {
			if (donated.getOrDefault(kind, 0L) != 0) {
				lines.add(new IncomeLine(IncomeSource.DONATION, kind.name(), donated.get(kind)));
			}
		}
		return lines;
	}

	/** Publishes the draft to the organisation's members, freezing its income as computed now. */
	@Transactional
	@PreAuthorize(RoleGroups.ADMINS)
	public void publish(Long id, AccountPrincipal me) {
		Disclosure d = draft(id);
		for (IncomeLine line : computedIncome(d.orgId(), d.year())) {
			jdbc.sql("insert into disclosure_income (disclosure_id, source, category, amount_fen) values (:d, :s, :c, :fen)")
				.param("d", d.id()).param("s", line.source().name()).param("c", line.category()).param("fen", line.amountFen())
				.update();
		}
		jdbc.sql("update disclosure set status = 'PUBLISHED', published_at = :at, published_by = :by, version = version + 1"
				+ " where id = :id").param("at", java.sql.Timestamp.from(clock.instant())).param("by", me == null ? null : me.id())
			.param("id", d.id()).update();
		audit.record(AuditEntry.of("DISCLOSURE_PUBLISHED").entity("Disclosure", id).org(d.orgId()).summary(d.orgName() + " " + d.year()));
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
			.sorted(java.util.Comparator.comparing(BoardRow::published)).toList();
	}

	/** The published disclosures of the organisations the member currently belongs to, newest first. */
	@Transactional(readOnly = true)
	public List<Disclosure> forMember(AccountPrincipal me) {
		Set<Long> orgs = memberOrgs(me);
		if (orgs.isEmpty()) {
			return List.of();
		}
		return named(jdbc.sql(COLUMNS + " where d.org_id in (:orgs) and d.status = 'PUBLISHED' order by d.year desc, d.id desc limit 100")
			.param("orgs", orgs).query(Disclosure.class).list());
	}

	/** One of those, with its finances; anything else is not found. */
	@Transactional(readOnly = true)
	public Disclosure forMember(AccountPrincipal me, Long id) {
		Set<Long> orgs = memberOrgs(me);
		return jdbc.sql(COLUMNS + " where d.id = :id and d.status = 'PUBLISHED'").param("id", id).query(Disclosure.class).optional()
			.filter(d -> orgs.contains(d.orgId())).map(d -> named(List.of(d)).get(0))
			.orElseThrow(() -> new RecordNotFoundException("Disclosure", id));
	}

	/** A member's view of a published disclosure's parts (documents, resolutions, finances), checked as {@link #forMember}. */
	@Transactional(readOnly = true)
	public MemberView memberView(AccountPrincipal me, Long id) {
		Disclosure d = forMember(me, id);
		List<Document> documents = jdbc.sql("select id, name, type from disclosure_document where disclosure_id = :d order by id")
			.param("d", d.id()).query(Document.class).list();
		List<ResolutionLine> resolutions = jdbc.sql("select id, activity_id, held_on, meeting, text from disclosure_resolution"
				+ " where disclosure_id = :d order by held_on nulls last, id").param("d", d.id()).query(ResolutionLine.class).list();
		return new MemberView(d, documents, resolutions, finances(d));
	}

	public record MemberView(Disclosure disclosure, List<Document> documents, List<ResolutionLine> resolutions, Finances finances) {
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

	private Disclosure draft(Long id) {
		DataScope scope = scopes.current();
		Disclosure d = jdbc.sql(COLUMNS + " where d.id = :id and " + scope.on("d.org_path") + " for update").param("id", id)
			.params(scope.param()).query(Disclosure.class).optional().map(x -> named(List.of(x)).get(0))
			.orElseThrow(() -> new RecordNotFoundException("Disclosure", id));
		if (d.published()) {
			throw new RuleViolationException("status", "disclosure.published.frozen");
		}
		return d;
	}

	private List<Disclosure> named(List<Disclosure> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, String> names = organizations.namesUnscoped(rows.stream().map(Disclosure::orgId).distinct().toList());
		return rows.stream().map(d -> d.named(names.get(d.orgId()))).toList();
	}

	private static String required(String field, String value, int max) {
		String text = optional(field, value, max);
		if (text == null) {
			throw new RuleViolationException(field, "disclosure.required");
		}
		return text;
	}

	private static String optional(String field, String value, int max) {
		String text = value == null || value.isBlank() ? null : value.strip();
		if (text != null && text.length() > max) {
			throw new RuleViolationException(field, "disclosure.tooLong", max);
		}
		return text;
	}

	private static String name(String name) {
		String n = name == null || name.isBlank() ? "file" : org.chamberlink.web.UploadNames.clean(name);
		return n.length() > 200 ? n.substring(n.length() - 200) : n;
	}

	private static String type(String type) {
		return type == null || type.isBlank() ? "application/octet-stream" : type.length() > 100 ? type.substring(0, 100) : type;
	}

}

package org.chamberlink.investment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Industries;
import org.chamberlink.member.Industry;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.region.Region;
import org.chamberlink.region.Regions;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.Fen;
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
 * Investment projects of the caller's scope: recorded as leads, moved forward one stage at a time
 * (a dated, audited step; never back, never skipping), their amounts updated as they become known,
 * documents attached. Out-of-scope ids answer like unknown ones.
 */
@Service
public class InvestmentProjects {

	/** The largest document (bytes), as an activity's files. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private static final String COLUMNS = """
			select p.id, p.org_id, p.org_path, p.name, p.industry_code, p.investor_party_id, p.investor_name, p.origin_code,
			       p.planned_fen, p.contracted_fen, p.invested_fen, p.stage, p.lead_on, p.stage_on, p.version,
			       null as org_name, null as industry_name, null as origin_name
			from investment_project p
			""";

	public record Project(Long id, Long orgId, String orgPath, String name, String industryCode, Long investorPartyId,
			String investorName, String originCode, long plannedFen, long contractedFen, long investedFen, InvestmentStage stage,
			LocalDate leadOn, LocalDate stageOn, long version, String orgName, String industryName, String originName) {

		public String planned() {
			return Fen.format(plannedFen);
		}

		public String contracted() {
			return Fen.format(contractedFen);
		}

		public String invested() {
			return Fen.format(investedFen);
		}

		public InvestmentStage nextStage() {
			return stage.next();
		}

		Project named(String org, String industry, String origin) {
			return new Project(id, orgId, orgPath, name, industryCode, investorPartyId, investorName, originCode, plannedFen,
					contractedFen, investedFen, stage, leadOn, stageOn, version, org, industry, origin);
		}

	}

	/** A new project: the investor is a member (investorPartyId) or an outside company by name (investorName). */
	public record ProjectForm(Long orgId, String name, String industryCode, Long investorPartyId, String investorName, String originCode,
			String planned, String contracted, String invested, LocalDate leadOn) {
	}

	public record StageStep(InvestmentStage stage, LocalDate movedOn, String note, String movedBy) {
	}

	/** A move to the next stage: its date, a note, and the amounts when they change (blank keeps them). */
	public record MoveForm(InvestmentStage stage, LocalDate movedOn, String note, String contracted, String invested) {
	}

	public record Document(Long id, String fileName, String contentType, int sizeBytes) {
	}

	public record Download(String fileName, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Members members;

	private final Industries industries;

	private final Regions regions;

	private final AuditTrail audit;

	private final Clock clock;

	InvestmentProjects(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Members members, Industries industries,
			Regions regions, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.members = members;
		this.industries = industries;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Project> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(COLUMNS + " where p.id = :id and " + scope.on("p.org_path")).param("id", id).params(scope.param())
			.query(Project.class).optional().map(p -> named(List.of(p)).get(0));
	}

	public Project get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("InvestmentProject", id));
	}

	/** The projects of the caller's scope, optionally at one stage, newest first (at most 300). */
	@Transactional(readOnly = true)
	public List<Project> list(InvestmentStage stage) {
		DataScope scope = scopes.current();
		List<String> where = new ArrayList<>(List.of(scope.on("p.org_path")));
		Map<String, Object> params = new HashMap<>(scope.param());
		if (stage != null) {
			where.add("p.stage = :stage");
			params.put("stage", stage.name());
		}
		return named(jdbc.sql(COLUMNS + " where " + String.join(" and ", where) + " order by p.stage_on desc, p.id desc limit 300")
			.params(params).query(Project.class).list());
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long create(ProjectForm form) {
		if (form.orgId() == null) {
			throw required("orgId");
		}
		OrganizationSummary org = organizations.find(form.orgId())
			.orElseThrow(() -> new RuleViolationException("orgId", "investment.organization.notFound"));
		String name = text("name", form.name(), 200, true);
		if (form.industryCode() == null || form.industryCode().isBlank()) {
			throw required("industryCode");
		}
		Industry industry = industries.find(form.industryCode())
			.orElseThrow(() -> new RuleViolationException("industryCode", "investment.industry.unknown"));
		Long partyId = null;
		String investor;
		if (form.investorPartyId() != null) {
			PartyDetails party = members.find(form.investorPartyId())
				.orElseThrow(() -> new RuleViolationException("investorPartyId", "investment.member.notFound"));
			partyId = party.id();
			investor = party.name();
		}
		else {
			investor = text("investorName", form.investorName(), 200, true);
		}
		if (form.originCode() == null || form.originCode().isBlank()) {
			throw required("originCode");
		}
		Region origin = regions.find(form.originCode().strip())
			.orElseThrow(() -> new RuleViolationException("originCode", "investment.origin.unknown"));
		long planned = money("planned", form.planned(), false);
		long contracted = form.contracted() == null || form.contracted().isBlank() ? 0 : money("contracted", form.contracted(), true);
		long invested = form.invested() == null || form.invested().isBlank() ? 0 : money("invested", form.invested(), true);
		LocalDate today = today();
		LocalDate lead = form.leadOn() == null ? today : form.leadOn();
		if (lead.isAfter(today)) {
			throw new RuleViolationException("leadOn", "investment.date.future", label("leadOn"));
		}
		Long id = jdbc.sql("""
				insert into investment_project (org_id, org_path, name, industry_code, investor_party_id, investor_name, origin_code,
				                                planned_fen, contracted_fen, invested_fen, stage, lead_on, stage_on)
				values (:org, :path, :name, :industry, :party, :investor, :origin, :planned, :contracted, :invested, 'LEAD', :lead, :lead)
				returning id
				""")
			.param("org", org.id()).param("path", org.path()).param("name", name).param("industry", industry.code()).param("party", partyId)
			.param("investor", investor).param("origin", origin.code()).param("planned", planned).param("contracted", contracted)
			.param("invested", invested).param("lead", lead).query(Long.class).single();
		jdbc.sql("insert into investment_stage (project_id, stage, moved_on, moved_by) values (:p, 'LEAD', :on, :by)").param("p", id)
			.param("on", lead).param("by", actor()).update();
		audit.record(AuditEntry.of("INVESTMENT_PROJECT_CREATED").entity("InvestmentProject", id).org(org.id()).summary(name));
		return id;
	}

	/**
	 * Moves the project one stage forward, dated (not in the future, not before the stage it leaves).
	 * The stage named must be the next one: a move back, a skip or a repeat is refused. Signing needs a
	 * contracted amount above zero (typed with the move, or recorded before).
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void move(Long projectId, MoveForm form) {
		Project project = get(projectId);
		InvestmentStage next = project.stage().next();
		if (next == null) {
			throw new RuleViolationException("stage", "investment.stage.last");
		}
		if (form.stage() != null && form.stage() != next) {
			throw new RuleViolationException("stage", "investment.stage.oneStep",
					new DefaultMessageSourceResolvable("investment.stage." + next.name()));
		}
		LocalDate today = today();
		LocalDate on = form.movedOn() == null ? today : form.movedOn();
		if (on.isAfter(today)) {
			throw new RuleViolationException("movedOn", "investment.date.future", label("movedOn"));
		}
		if (on.isBefore(project.stageOn())) {
			throw new RuleViolationException("movedOn", "investment.stage.beforePrevious", project.stageOn().toString());
		}
		String note = text("note", form.note(), 500, false);
		long contracted = form.contracted() == null || form.contracted().isBlank() ? project.contractedFen()
				: money("contracted", form.contracted(), true);
		long invested = form.invested() == null || form.invested().isBlank() ? project.investedFen()
				: money("invested", form.invested(), true);
		if (next == InvestmentStage.SIGNED && contracted <= 0) {
			throw new RuleViolationException("contracted", "investment.stage.contractNeeded");
		}
		int updated = jdbc.sql("update investment_project set stage = :next, stage_on = :on, contracted_fen = :c, invested_fen = :i,"
				+ " version = version + 1 where id = :id and stage = :current").param("next", next.name()).param("on", on)
			.param("c", contracted).param("i", invested).param("id", project.id()).param("current", project.stage().name()).update();
		if (updated == 0) {
			throw new RuleViolationException("stage", "investment.stage.changed");
		}
		jdbc.sql("insert into investment_stage (project_id, stage, moved_on, note, moved_by) values (:p, :s, :on, :note, :by)")
			.param("p", project.id()).param("s", next.name()).param("on", on).param("note", note).param("by", actor()).update();
		audit.record(AuditEntry.of("INVESTMENT_STAGE_MOVED").entity("InvestmentProject", project.id()).org(project.orgId())
			.summary("investment.audit.moved", project.name(), new DefaultMessageSourceResolvable("investment.stage." + project.stage().name()),
					new DefaultMessageSourceResolvable("investment.stage." + next.name()), on.toString()));
	}

	/** Updates the contracted and invested amounts (the actual investment grows after signing). */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void amounts(Long projectId, String contracted, String invested) {
		Project project = get(projectId);
		long c = money("contracted", contracted, true);
		long i = money("invested", invested, true);
		if (project.stage().signed() && c == 0) {
			throw new RuleViolationException("contracted", "investment.stage.contractNeeded");
		}
		jdbc.sql("update investment_project set contracted_fen = :c, invested_fen = :i, version = version + 1 where id = :id")
			.param("c", c).param("i", i).param("id", project.id()).update();
		audit.record(AuditEntry.of("INVESTMENT_AMOUNTS_CHANGED").entity("InvestmentProject", project.id()).org(project.orgId())
			.summary(project.name() + " ¥" + Fen.format(c) + " / ¥" + Fen.format(i)));
	}

	@Transactional(readOnly = true)
	public List<StageStep> history(Long projectId) {
		Project project = get(projectId);
		return jdbc.sql("select stage, moved_on, note, moved_by from investment_stage where project_id = :p order by moved_on, id")
			.param("p", project.id()).query(StageStep.class).list();
	}

	@Transactional(readOnly = true)
	public List<Document> documents(Long projectId) {
		Project project = get(projectId);
		return jdbc.sql("select id, file_name, content_type, size_bytes from investment_document where project_id = :p order by id")
			.param("p", project.id()).query(Document.class).list();
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long attach(Long projectId, String fileName, String contentType, byte[] content) {
		Project project = get(projectId);
		if (content == null || content.length == 0) {
			throw new RuleViolationException("file", "investment.file.required");
		}
		String name = fileName(fileName);
		if (content.length > MAX_BYTES) {
			throw new RuleViolationException("file", "investment.file.tooLarge", name, MAX_BYTES / 1024 / 1024);
		}
		String type = contentType == null || contentType.isBlank() || contentType.length() > 100 ? "application/octet-stream" : contentType;
		Long id = jdbc.sql("insert into investment_document (project_id, file_name, content_type, size_bytes, content)"
				+ " values (:p, :n, :t, :s, :c) returning id").param("p", project.id()).param("n", name).param("t", type)
			.param("s", content.length).param("c", content).query(Long.class).single();
		audit.record(AuditEntry.of("INVESTMENT_DOCUMENT_ADDED").entity("InvestmentProject", project.id()).org(project.orgId()).summary(name));
		return id;
	}

	/** A document of a project in scope: always a download. */
	@Transactional(readOnly = true)
	public Download download(Long projectId, Long documentId) {
		Project project = get(projectId);
		return jdbc.sql("select file_name, content_type, content from investment_document where id = :d and project_id = :p")
			.param("d", documentId).param("p", project.id()).query(Download.class).optional()
			.orElseThrow(() -> new RecordNotFoundException("InvestmentDocument", documentId));
	}

	private List<Project> named(List<Project> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, String> orgs = organizations.namesUnscoped(rows.stream().map(Project::orgId).distinct().toList());
		Map<String, String> origins = regions.names(rows.stream().map(Project::originCode).distinct().toList());
		return rows.stream().map(p -> p.named(orgs.get(p.orgId()), industries.find(p.industryCode()).map(Industry::name).orElse(null),
				origins.get(p.originCode()))).toList();
	}

	static DefaultMessageSourceResolvable label(String field) {
		return new DefaultMessageSourceResolvable("investment.field." + field);
	}

	private static RuleViolationException required(String field) {
		return new RuleViolationException(field, "investment.required", label(field));
	}

	private static String text(String field, String typed, int max, boolean needed) {
		String text = typed == null || typed.isBlank() ? null : typed.strip();
		if (text == null && needed) {
			throw required(field);
		}
		TextLimit.atMost(field, "investment.field." + field, text, max);
		return text;
	}

	/** Yuan with at most two decimals; "12.345", "1亿" or a negative amount are refused with the field named. */
	static long money(String field, String typed, boolean zeroAllowed) {
		if (typed == null || typed.isBlank()) {
			throw required(field);
		}
		String text = typed.strip();
		if (text.startsWith("-") || text.startsWith("－")) {
			throw new RuleViolationException(field, "investment.money.negative", label(field));
		}
		Long fen = Fen.parse(text);
		if (fen == null) {
			throw new RuleViolationException(field, "investment.money.invalid", label(field), text);
		}
		if (fen == 0 && !zeroAllowed) {
			throw new RuleViolationException(field, "investment.money.positive", label(field));
		}
		return fen;
	}

	private static String fileName(String fileName) {
		String name = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		if (name.isBlank()) {
			name = "file";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? null : authentication.getName();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}

package org.chamberlink.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
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
 * Proposals: a federation merges suggestions of its subtree into a proposal handed to a deputy or
 * CPPCC member of the member registry, then records each step of its outcome — the department's
 * answer (with the answer document), adoption, or a leader's instruction — dated and audited.
 * Out-of-scope ids answer like unknown ones.
 */
@Service
public class Proposals {

	private static final String COLUMNS = """
			select p.id, p.org_id, p.org_path, p.title, p.topic, p.holder_party_id, p.holder_role, p.status, p.submitted_on,
			       p.department, p.answer, p.answer_name, (p.answer_file is not null) as has_answer_file, p.version,
			       (select count(*) from proposal_suggestion s where s.proposal_id = p.id) as suggestions,
			       null as org_name, null as holder_name
			from proposal p
			""";

	public record Proposal(Long id, Long orgId, String orgPath, String title, ProposalTopic topic, Long holderPartyId,
			HolderRole holderRole, ProposalStatus status, LocalDate submittedOn, String department, String answer, String answerName,
			boolean hasAnswerFile, long version, long suggestions, String orgName, String holderName) {

		Proposal named(String org, String holder) {
			return new Proposal(id, orgId, orgPath, title, topic, holderPartyId, holderRole, status, submittedOn, department, answer,
					answerName, hasAnswerFile, version, suggestions, org, holder);
		}

	}

	/** The organisation proposing (a federation of the caller's), the title and topic, to whom, and which suggestions. */
	public record ProposalForm(Long orgId, String title, ProposalTopic topic, HolderRole holderRole, Long holderPartyId,
			List<Long> suggestionIds, LocalDate submittedOn) {
	}

	/** A department's answer; the file is optional. */
	public record AnswerForm(String department, String answer, LocalDate answeredOn) {
	}

	public record Step(Long id, ProposalStatus status, LocalDate happenedOn, String note) {
	}

	public record AnswerFile(String name, String type, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Members members;

	private final AuditTrail audit;

	private final Clock clock;

	Proposals(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Members members, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	/** The persons in scope holding the role (人大代表 / 政协委员): whom a proposal may be handed to. */
	@Transactional(readOnly = true)
	public List<PartyDetails> holders(HolderRole role) {
		return members.publicRoleHolders(role.word());
	}

	/** Merges open suggestions of the organisation's subtree into a new proposal, submitted that day. */
	@Transactional
	@PreAuthorize(RoleGroups.FEDERATION)
	public Long merge(ProposalForm form, AccountPrincipal me) {
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "proposal.required");
		}
		OrganizationSummary org = organizations.find(form.orgId())
			.orElseThrow(() -> new RuleViolationException("orgId", "proposal.organization.notFound"));
		String title = Suggestions.text("title", form.title(), 200);
		if (form.topic() == null) {
			throw new RuleViolationException("topic", "proposal.required");
		}
		if (form.holderRole() == null) {
			throw new RuleViolationException("holderRole", "proposal.required");
		}
		if (form.holderPartyId() == null) {
			throw new RuleViolationException("holderPartyId", "proposal.required");
		}
		if (!members.holdsPublicRole(form.holderPartyId(), form.holderRole().word())) {
			throw new RuleViolationException("holderPartyId", "proposal.holder.notHolder." + form.holderRole().name());
		}
		Set<Long> ids = new LinkedHashSet<>(form.suggestionIds() == null ? List.of() : form.suggestionIds());
		ids.remove(null);
		if (ids.isEmpty()) {
			throw new RuleViolationException("suggestionIds", "proposal.suggestions.required");
		}
		DataScope scope = scopes.current();
		DataScope subtree = DataScope.subtree(org.path());
		List<Long> open = jdbc.sql("select s.id from proposal_suggestion s where s.id in (:ids) and s.proposal_id is null and "
				+ scope.on("s.org_path") + " and " + subtree.on("s.org_path") + " for update")
			.param("ids", ids).params(scope.param()).params(subtree.param()).query(Long.class).list();
		if (open.size() != ids.size()) {
			throw new RuleViolationException("suggestionIds", "proposal.suggestions.unavailable");
		}
		LocalDate on = dated("submittedOn", form.submittedOn());
		Long id = jdbc.sql("""
				insert into proposal (org_id, org_path, title, topic, holder_party_id, holder_role, status, submitted_on)
				values (:org, :path, :title, :topic, :holder, :role, 'SUBMITTED', :on) returning id
				""")
			.param("org", org.id()).param("path", org.path()).param("title", title).param("topic", form.topic().name())
			.param("holder", form.holderPartyId()).param("role", form.holderRole().name()).param("on", on)
			.query(Long.class).single();
		jdbc.sql("update proposal_suggestion set proposal_id = :p where id in (:ids)").param("p", id).param("ids", ids).update();
		step(id, ProposalStatus.SUBMITTED, on, null, me);
		audit.record(AuditEntry.of("PROPOSAL_SUBMITTED").entity("Proposal", id).org(org.id()).summary(title));
		return id;
	}

	/** A department's answer, with its document if given. */
	@Transactional
	@PreAuthorize(RoleGroups.FEDERATION)
	public void answer(Long id, AnswerForm form, AnswerFile file, AccountPrincipal me) {
		Proposal proposal = locked(id);
		if (!proposal.status().answerable()) {
			throw new RuleViolationException("department", "proposal.status.notAnswerable");
		}
		String department = Suggestions.text("department", form.department(), 200);
		String answer = Suggestions.text("answer", form.answer(), 4000);
		LocalDate on = dated("answeredOn", form.answeredOn());
		if (on.isBefore(proposal.submittedOn())) {
			throw new RuleViolationException("answeredOn", "proposal.date.beforeSubmitted");
		}
		if (file != null && file.bytes().length > 10 * 1024 * 1024) {
			throw new RuleViolationException("file", "proposal.file.tooLarge");
		}
		jdbc.sql("""
				update proposal set status = 'ANSWERED', department = :dept, answer = :answer,
				       answer_name = coalesce(:name, answer_name), answer_type = coalesce(:type, answer_type),
				       answer_file = coalesce(:file, answer_file), version = version + 1 where id = :id
				""")
			.param("dept", department).param("answer", answer).param("name", file == null ? null : file.name())
			.param("type", file == null ? null : file.type()).param("file", file == null ? null : file.bytes()).param("id", id).update();
		step(id, ProposalStatus.ANSWERED, on, department + "：" + answer, me);
		audit.record(AuditEntry.of("PROPOSAL_ANSWERED").entity("Proposal", id).org(proposal.orgId()).summary(department));
	}

	/** Adopted (已采纳): final. */
	@Transactional
	@PreAuthorize(RoleGroups.FEDERATION)
	public void adopt(Long id, LocalDate adoptedOn, String note, AccountPrincipal me) {
		move(id, ProposalStatus.ADOPTED, "adoptedOn", adoptedOn, note, false, me);
	}

	/** A leader's instruction (批示), its text required. */
	@Transactional
	@PreAuthorize(RoleGroups.FEDERATION)
	public void instruct(Long id, LocalDate instructedOn, String instruction, AccountPrincipal me) {
		move(id, ProposalStatus.INSTRUCTED, "instructedOn", instructedOn, instruction, true, me);
	}

	private void move(Long id, ProposalStatus to, String dateField, LocalDate date, String note, boolean noteRequired,
			AccountPrincipal me) {
		Proposal proposal = locked(id);
		if (!proposal.status().open()) {
			throw new RuleViolationException(dateField, "proposal.status.closed");
		}
		String text = noteRequired ? Suggestions.text("note", note, 4000)
				: note == null || note.isBlank() ? null : Suggestions.text("note", note, 4000);
		LocalDate on = dated(dateField, date);
		if (on.isBefore(proposal.submittedOn())) {
			throw new RuleViolationException(dateField, "proposal.date.beforeSubmitted");
		}
		jdbc.sql("update proposal set status = :s, version = version + 1 where id = :id").param("s", to.name()).param("id", id).update();
		step(id, to, on, text, me);
		audit.record(AuditEntry.of("PROPOSAL_" + to.name()).entity("Proposal", id).org(proposal.orgId())
			.summary(proposal.title() + (text == null ? "" : "：" + text)));
	}

	private void step(Long id, ProposalStatus status, LocalDate on, String note, AccountPrincipal me) {
		jdbc.sql("insert into proposal_step (proposal_id, status, happened_on, note, recorded_by) values (:p, :s, :on, :note, :by)")
			.param("p", id).param("s", status.name()).param("on", on).param("note", note).param("by", me == null ? null : me.id())
			.update();
	}

	private LocalDate dated(String field, LocalDate date) {
		LocalDate today = today();
		LocalDate on = date == null ? today : date;
		if (on.isAfter(today)) {
			throw new RuleViolationException(field, "proposal.date.future");
		}
		if (on.getYear() < ChinaTime.FIRST_YEAR) {
			throw new RuleViolationException(field, "proposal.date.future");
		}
		return on;
	}

	private Proposal locked(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(COLUMNS + " where p.id = :id and " + scope.on("p.org_path") + " for update of p").param("id", id)
			.params(scope.param()).query(Proposal.class).optional().orElseThrow(() -> new RecordNotFoundException("Proposal", id));
	}

	@Transactional(readOnly = true)
	public Optional<Proposal> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(COLUMNS + " where p.id = :id and " + scope.on("p.org_path")).param("id", id).params(scope.param())
			.query(Proposal.class).optional().map(p -> named(List.of(p)).get(0));
	}

	public Proposal get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Proposal", id));
	}

	/** Proposals in the caller's scope, newest first. */
	@Transactional(readOnly = true)
	public List<Proposal> list(ProposalStatus status, ProposalTopic topic) {
		DataScope scope = scopes.current();
		List<String> where = new ArrayList<>(List.of(scope.on("p.org_path")));
		Map<String, Object> params = new HashMap<>(scope.param());
		if (status != null) {
			where.add("p.status = :status");
			params.put("status", status.name());
		}
		if (topic != null) {
			where.add("p.topic = :topic");
			params.put("topic", topic.name());
		}
		return named(jdbc.sql(COLUMNS + " where " + String.join(" and ", where) + " order by p.submitted_on desc, p.id desc limit 300")
			.params(params).query(Proposal.class).list());
	}

	@Transactional(readOnly = true)
	public List<Step> steps(Long id) {
		Proposal proposal = get(id);
		return jdbc.sql("select id, status, happened_on, note from proposal_step where proposal_id = :p order by happened_on, id")
			.param("p", proposal.id()).query(Step.class).list();
	}

	@Transactional(readOnly = true)
	public AnswerFile answerFile(Long id) {
		Proposal proposal = get(id);
		return jdbc.sql("select answer_name as name, answer_type as type, answer_file as bytes from proposal where id = :id"
				+ " and answer_file is not null")
			.param("id", proposal.id()).query(AnswerFile.class).optional()
			.orElseThrow(() -> new RecordNotFoundException("ProposalAnswer", id));
	}

	private List<Proposal> named(List<Proposal> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, String> orgs = organizations.namesUnscoped(rows.stream().map(Proposal::orgId).distinct().toList());
		Map<Long, String> holders = new HashMap<>();
		rows.stream().map(Proposal::holderPartyId).distinct().forEach(p -> holders.put(p, members.nameUnscoped(p)));
		return rows.stream().map(p -> p.named(orgs.get(p.orgId()), holders.get(p.holderPartyId()))).toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}

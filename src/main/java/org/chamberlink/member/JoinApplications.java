package org.chamberlink.member;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Join applications: submitted on the chamber's public page (or by staff), reviewed within the
 * chamber's scope, approved into a membership (the party entered once, as any member) or
 * rejected with a reason. The applicant follows the application with an unguessable token.
 */
@Service
public class JoinApplications {

	private static final String COLUMNS = """
			select a.id, a.org_id, null as org_name, a.token, a.kind, a.name, a.credit_code, a.enterprise_kind,
			       a.contact_name, a.industry_code, a.region_code, a.id_number_masked, a.phone_masked, a.message,
			       a.status, a.decision_reason, a.decided_by, a.decided_at, a.party_id, a.submitted_at
			from join_application a
			""";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final DataScopes scopes;

	private final MemberRules rules;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final Clock clock;

	JoinApplications(JdbcClient jdbc, Organizations organizations, DataScopes scopes, MemberRules rules,
			PersonalData personalData, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.scopes = scopes;
		this.rules = rules;
		this.personalData = personalData;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every problem with an application, for the public form to show them all at once. */
	public List<FieldProblem> problems(OrganizationSummary org, JoinApplicationForm form) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		if (form.kind() == PartyKind.GROUP) {
			problems.add(new FieldProblem("kind", "member.kindRequired"));
			return problems;
		}
		problems.addAll(rules.check(form.asNewMember(org.id(), MemberRole.MEMBER, LocalDate.now(clock)), org.type()));
		if (!StringUtils.hasText(form.phone())) {
			problems.add(new FieldProblem("phone", "join.phoneRequired"));
		}
		if (form.contactName() != null && form.contactName().strip().length() > 50) {
			problems.add(new FieldProblem("contactName", "input.tooLong",
					new org.springframework.context.support.DefaultMessageSourceResolvable("join.contactName"), 50));
		}
		if (form.message() != null && form.message().length() > 1000) {
			problems.add(new FieldProblem("message", "member.tooLong", 1000));
		}
		return problems;
	}

	/** Stores an application to an active organisation; returns its tracking token. */
	@Transactional
	public String submit(Long orgId, JoinApplicationForm form) {
		OrganizationSummary org = organizations.findActiveUnscoped(orgId)
			.orElseThrow(() -> new RecordNotFoundException("Organization", orgId));
		List<FieldProblem> problems = problems(org, form);
		if (!problems.isEmpty()) {
			throw problems.get(0).toException();
		}
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		PersonalValues id = form.kind() == PartyKind.PERSON ? PersonalValues.identityNumber(personalData, form.idNumber())
				: PersonalValues.NONE;
		PersonalValues phone = PersonalValues.phone(personalData, form.phone());
		Long applicationId = jdbc.sql("""
				insert into join_application (org_id, org_path, token, kind, name, credit_code, enterprise_kind,
				    contact_name, industry_code, region_code, id_number_cipher, id_number_masked, phone_cipher,
				    phone_masked, message)
				values (:org, :path, :token, :kind, :name, :code, :enterpriseKind, :contact, :industry, :region,
				        :idCipher, :idMasked, :phoneCipher, :phoneMasked, :message)
				returning id
				""")
			.param("org", org.id())
			.param("path", org.path())
			.param("token", token)
			.param("kind", form.kind().name())
			.param("name", form.name().trim())
			.param("code", form.kind() == PartyKind.ENTERPRISE ? form.creditCode().trim().toUpperCase() : null)
			.param("enterpriseKind", form.kind() == PartyKind.ENTERPRISE ? form.enterpriseKind().name() : null)
			.param("contact", blankToNull(form.contactName()))
			.param("industry", blankToNull(form.industryCode()))
			.param("region", blankToNull(form.regionCode()))
			.param("idCipher", id.cipher())
			.param("idMasked", id.masked())
			.param("phoneCipher", phone.cipher())
			.param("phoneMasked", phone.masked())
			.param("message", blankToNull(form.message()))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("JOIN_APPLIED").entity("JoinApplication", applicationId).org(org.id())
			.summary(form.name().trim()));
		return token;
	}

	private JoinApplication named(JoinApplication application) {
		return application.named(organizations.namesUnscoped(List.of(application.orgId())));
	}

	/** The applicant's view, by token (no sign-in). */
	@Transactional(readOnly = true)
	public JoinApplication byToken(String token) {
		return jdbc.sql(COLUMNS + " where a.token = :token")
			.param("token", token == null ? "" : token)
			.query(JoinApplication.class)
			.optional()
			.map(this::named)
			.orElseThrow(() -> new RecordNotFoundException("JoinApplication", token));
	}

	@Transactional(readOnly = true)
	public Page<JoinApplication> search(String status, Pageable pageable) {
		DataScope scope = scopes.current();
		String where = " where " + scope.on("a.org_path") + (StringUtils.hasText(status) ? " and a.status = :status" : "");
		var count = jdbc.sql("select count(*) from join_application a" + where).params(scope.param());
		var rows = jdbc.sql(COLUMNS + where + " order by a.status = 'SUBMITTED' desc, a.submitted_at desc limit :limit offset :offset")
			.params(scope.param())
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset());
		if (StringUtils.hasText(status)) {
			count = count.param("status", status);
			rows = rows.param("status", status);
		}
		List<JoinApplication> page = rows.query(JoinApplication.class).list();
		java.util.Map<Long, String> names = organizations.namesUnscoped(page.stream().map(JoinApplication::orgId).toList());
		return new PageImpl<>(page.stream().map(application -> application.named(names)).toList(), pageable,
				count.query(Long.class).single());
	}

	@Transactional(readOnly = true)
	public JoinApplication get(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(COLUMNS + " where a.id = :id and " + scope.on("a.org_path"))
			.param("id", id)
			.params(scope.param())
			.query(JoinApplication.class)
			.optional()
			.map(this::named)
			.orElseThrow(() -> new RecordNotFoundException("JoinApplication", id));
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}

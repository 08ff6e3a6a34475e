package org.chamberlink.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Industries;
import org.chamberlink.member.MemberProfiles;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.region.Regions;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.LikePattern;
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
 * The policy library. Staff enter policies of their subtree as drafts and publish them; a published
 * policy is public to every signed-in user (policies are law), a draft only to the publisher's
 * scope — a neighbour's draft answers as one that does not exist. Members see the policies that
 * apply to their (their enterprises') industries and regions, and subscribe to new ones by mail.
 */
@Service
public class Policies {

	/** The most rows a search answers. */
	public static final int LISTED = 100;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Regions regions;

	private final Industries industries;

	private final MemberProfiles profiles;

	private final PolicyNotices notices;

	private final AuditTrail audit;

	private final Clock clock;

	Policies(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Regions regions, Industries industries,
			MemberProfiles profiles, PolicyNotices notices, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.regions = regions;
		this.industries = industries;
		this.profiles = profiles;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	/** A published policy, or a draft of the caller's scope. */
	@Transactional(readOnly = true)
	public Optional<PolicyView> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(PolicyView.COLUMNS + " where p.id = :id and (p.status = 'PUBLISHED' or " + scope.on("p.org_path") + ")")
			.param("id", id)
			.params(scope.param())
			.query(PolicyView.MAPPER)
			.optional();
	}

	public PolicyView get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Policy", id));
	}

	/** The published policy for a member (no data scope: the library is public to members). */
	@Transactional(readOnly = true)
	public Optional<PolicyView> findPublished(Long id) {
		return jdbc.sql(PolicyView.COLUMNS + " where p.id = :id and p.status = 'PUBLISHED'").param("id", id).query(PolicyView.MAPPER).optional();
	}

	/** Staff's search: the published library and the drafts of their scope, newest first. */
	@Transactional(readOnly = true)
	public List<PolicyView> search(PolicyFilter filter) {
		DataScope scope = scopes.current();
		Map<String, Object> params = new HashMap<>(scope.param());
		List<String> where = new ArrayList<>(List.of("(p.status = 'PUBLISHED' or " + scope.on("p.org_path") + ")"));
		return query(filter, where, params);
	}

	/** A member's search of the published library. */
	@Transactional(readOnly = true)
	public List<PolicyView> searchPublished(PolicyFilter filter) {
		return query(filter, new ArrayList<>(List.of("p.status = 'PUBLISHED'")), new HashMap<>());
	}

	/**
	 * Policies for the member: published, in force, applying to an industry and a region of the member
	 * or the enterprises they lead (a policy without industries or regions applies to all).
	 */
	@Transactional(readOnly = true)
	public List<PolicyView> forMember(AccountPrincipal member) {
		Optional<MemberProfiles.Profile> profile = profiles.of(member);
		if (profile.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("industries", profile.get().industryCodes().toArray(String[]::new));
		params.put("regions", profile.get().regionCodes().toArray(String[]::new));
		params.put("today", today());
		return jdbc.sql(PolicyView.COLUMNS + " where p.status = 'PUBLISHED' and " + VALID + " and " + FOR_PROFILE
				+ " order by p.issued_on desc, p.id desc limit " + LISTED)
			.params(params)
			.query(PolicyView.MAPPER)
			.list();
	}

	/** In force on :today. */
	static final String VALID = "(p.valid_from is null or p.valid_from <= :today) and (p.valid_to is null or p.valid_to >= :today)";

	/** Applies to one of :industries and one of :regions (a region above the member's included). */
	static final String FOR_PROFILE = """
			(cardinality(p.industry_codes) = 0 or p.industry_codes && cast(:industries as varchar[]))
			and (cardinality(p.region_codes) = 0 or exists (select 1 from unnest(p.region_codes) c, unnest(cast(:regions as varchar[])) r
			                                                where r like c || '%'))
			""";

	private List<PolicyView> query(PolicyFilter filter, List<String> where, Map<String, Object> params) {
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			String keyword = filter.keyword().strip();
			List<String> grams = SearchGrams.ofKeyword(keyword);
			if (!grams.isEmpty()) {
				where.add("p.search_grams @> cast(:grams as text[])");
				params.put("grams", grams.toArray(String[]::new));
			}
			// a keyword that is one gram (one or two letters or digits) is found exactly by the index: no recheck of the texts
			int length = keyword.codePointCount(0, keyword.length());
			boolean oneGram = grams.size() == 1 && (length == 1 || length == 2) && keyword.codePoints().allMatch(Character::isLetterOrDigit);
			if (!oneGram) {
				where.add("(p.title || ' ' || p.issuer || ' ' || coalesce(p.doc_number, '') || ' ' || p.body) ilike :keyword");
				params.put("keyword", LikePattern.containing(keyword));
			}
		}
		if (filter.industryCode() != null && !filter.industryCode().isBlank()) {
			List<String> codes = new ArrayList<>(List.of(filter.industryCode().strip()));
			industries.find(filter.industryCode().strip()).map(org.chamberlink.member.Industry::section).ifPresent(codes::add);
			where.add("(cardinality(p.industry_codes) = 0 or p.industry_codes && cast(:industries as varchar[]))");
			params.put("industries", codes.toArray(String[]::new));
		}
		if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
			where.add("(cardinality(p.region_codes) = 0 or exists (select 1 from unnest(p.region_codes) c where :region like c || '%'))");
			params.put("region", filter.regionCode().strip());
		}
		if (filter.topic() != null) {
			where.add("p.topics @> array[cast(:topic as varchar)]");
			params.put("topic", filter.topic().name());
		}
		if (filter.validOnly()) {
			where.add(VALID);
			params.put("today", today());
		}
		return jdbc.sql(PolicyView.COLUMNS + " where " + String.join(" and ", where) + " order by p.issued_on desc, p.id desc limit "
				+ LISTED)
			.params(params)
			.query(PolicyView.MAPPER)
			.list();
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long create(PolicyInput input) {
		if (input.orgId() == null) {
			throw new RuleViolationException("orgId", "policy.orgRequired");
		}
		OrganizationSummary org = organizations.get(input.orgId());
		String title = required(input.title(), 300, "title", "field.title");
		String issuer = required(input.issuer(), 200, "issuer", "field.issuer");
		String number = input.docNumber() == null || input.docNumber().isBlank() ? null : input.docNumber().strip();
		if (number != null) {
			TextLimit.atMost("docNumber", "field.docNumber", number, 100);
		}
		if (input.issuedOn() == null) {
			throw new RuleViolationException("issuedOn", "policy.fieldRequired", new DefaultMessageSourceResolvable("field.issuedOn"));
		}
		if (input.validFrom() != null && input.validTo() != null && input.validTo().isBefore(input.validFrom())) {
			throw new RuleViolationException("validTo", "policy.validToBeforeFrom");
		}
		String body = required(input.body(), 200_000, "body", "field.body");
		for (String code : input.regionCodes()) {
			if (regions.find(code).isEmpty()) {
				throw new RuleViolationException("regionCodes", "policy.regionUnknown", code);
			}
		}
		for (String code : input.industryCodes()) {
			if (industries.find(code).isEmpty()) {
				throw new RuleViolationException("industryCodes", "policy.industryUnknown", code);
			}
		}
		Long id = jdbc.sql("""
				insert into policy (org_id, org_path, title, issuer, doc_number, issued_on, valid_from, valid_to, region_codes,
				    industry_codes, topics, body, search_grams, status, created_by, created_at)
				values (:org, :path, :title, :issuer, :number, :issued, :from, :to, :regions, :industries, :topics, :body, :grams, 'DRAFT',
				    :by, :now)
				returning id
				""")
			.param("org", org.id())
			.param("path", org.path())
			.param("title", title)
			.param("issuer", issuer)
			.param("number", number)
			.param("issued", input.issuedOn())
			.param("from", input.validFrom())
			.param("to", input.validTo())
			.param("regions", input.regionCodes().toArray(String[]::new))
			.param("industries", input.industryCodes().toArray(String[]::new))
			.param("topics", input.topics().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("body", body)
			.param("grams", SearchGrams.of(title, issuer, number, body).toArray(String[]::new))
			.param("by", actor())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("POLICY_CREATED").entity("Policy", id).org(org.id()).summary(title));
		return id;
	}

	/** Publishes a draft of the caller's scope; subscribers it applies to are told by mail. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void publish(Long id) {
		PolicyView policy = get(id);
		DataScope scope = scopes.current();
		int changed = jdbc.sql("update policy p set status = 'PUBLISHED', published_at = :now where p.id = :id and p.status = 'DRAFT' and "
				+ scope.on("p.org_path"))
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("id", id)
			.params(scope.param())
			.update();
		if (changed == 0) {
			throw new RuleViolationException("status", "policy.publishOnlyDraft");
		}
		notices.published(policy);
		audit.record(AuditEntry.of("POLICY_PUBLISHED").entity("Policy", id).org(policy.orgId()).summary(policy.title()));
	}

	/** The member's subscription's address, if subscribed. */
	@Transactional(readOnly = true)
	public Optional<String> subscription(AccountPrincipal member) {
		return profiles.of(member)
			.flatMap(p -> jdbc.sql("select email from policy_subscription where party_id = :p").param("p", p.partyId())
				.query(String.class).optional());
	}

	@Transactional
	public void subscribe(AccountPrincipal member, String email) {
		MemberProfiles.Profile profile = profiles.of(member).orElseThrow(() -> new RecordNotFoundException("Party", member.id()));
		String address = email == null ? "" : email.strip();
		if (address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new RuleViolationException("email", "policy.emailInvalid");
		}
		jdbc.sql("""
				insert into policy_subscription (party_id, email, created_at) values (:p, :email, :now)
				on conflict (party_id) do update set email = excluded.email
				""")
			.param("p", profile.partyId())
			.param("email", address)
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.update();
	}

	@Transactional
	public void unsubscribe(AccountPrincipal member) {
		profiles.of(member).ifPresent(p -> jdbc.sql("delete from policy_subscription where party_id = :p").param("p", p.partyId()).update());
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	private static String required(String value, int max, String field, String label) {
		if (value == null || value.isBlank()) {
			throw new RuleViolationException(field, "policy.fieldRequired", new DefaultMessageSourceResolvable(label));
		}
		TextLimit.atMost(field, label, value, max);
		return value.strip();
	}

	private static long actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal ? principal.id() : 0L;
	}

}

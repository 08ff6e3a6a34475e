package org.chamberlink.welfare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.member.PartyDirectory;
import org.chamberlink.member.PartyKind;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;
import org.chamberlink.welfare.Villages.Village;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairings (结对帮扶): member enterprises and/or chambers with a village, for a period, with the
 * kinds of help, the organisation responsible and a status; and the village economic advisers
 * (农村经济顾问), person members appointed to a village for a term. A pairing's village must lie
 * in the responsible organisation's region; an adviser must be a person member; each refused with
 * nothing written.
 */
@Service
public class Pairings {

	private static final String COLUMNS = """
			select p.id, p.org_id, p.org_path, p.village_id, v.name as village_name, v.township_code, p.starts_on, p.ends_on,
			       array_to_string(p.kinds, ',') as kinds, p.status, p.note, p.version,
			       coalesce(t.projects, 0) as projects, coalesce(t.committed_fen, 0) as committed_fen,
			       coalesce(t.delivered_fen, 0) as delivered_fen,
			       array_to_string(array(select coalesce(x.party_id, 0) from welfare_pairing_party x where x.pairing_id = p.id
			         and x.party_id is not null order by x.party_id), ',') as party_ids,
			       array_to_string(array(select x.chamber_id from welfare_pairing_party x where x.pairing_id = p.id
			         and x.chamber_id is not null order by x.chamber_id), ',') as chamber_ids
			from welfare_pairing p join welfare_village v on v.id = p.village_id
			left join welfare_pairing_tally t on t.pairing_id = p.id
			""";

	/** A pairing with its village, helpers (named), and its projects' money. */
	public record Pairing(Long id, Long orgId, String orgPath, Long villageId, String villageName, String townshipCode,
			LocalDate startsOn, LocalDate endsOn, String kinds, String status, String note, long version, long projects,
			long committedFen, long deliveredFen, String partyIds, String chamberIds, String orgName,
			Map<Long, String> partyNames, Map<Long, String> chamberNames) {

		public List<Long> parties() {
			return ids(partyIds);
		}

		public List<Long> chambers() {
			return ids(chamberIds);
		}

		public List<HelpKind> helpKinds() {
			return kinds == null || kinds.isBlank() ? List.of() : Arrays.stream(kinds.split(",")).map(HelpKind::valueOf).toList();
		}

		/** The helpers' names, enterprises first. */
		public List<String> helperNames() {
			List<String> names = new ArrayList<>();
			parties().forEach(id -> names.add(partyNames == null ? "#" + id : partyNames.getOrDefault(id, "#" + id)));
			chambers().forEach(id -> names.add(chamberNames == null ? "#" + id : chamberNames.getOrDefault(id, "#" + id)));
			return names;
		}

		public String committed() {
			return org.chamberlink.shared.Fen.format(committedFen);
		}

		public String delivered() {
			return org.chamberlink.shared.Fen.format(deliveredFen);
		}

		private static List<Long> ids(String text) {
			return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
		}

		Pairing named(String org, Map<Long, String> parties, Map<Long, String> chambers) {
			return new Pairing(id, orgId, orgPath, villageId, villageName, townshipCode, startsOn, endsOn, kinds, status, note,
					version, projects, committedFen, deliveredFen, partyIds, chamberIds, org, parties, chambers);
		}

	}

	/** What staff choose for a new pairing. */
	public record PairingForm(Long orgId, Long villageId, List<Long> partyIds, List<Long> chamberIds, LocalDate startsOn,
			LocalDate endsOn, List<HelpKind> kinds, String note) {
	}

	/** An adviser of a village, named. */
	public record Adviser(Long id, Long villageId, String villageName, Long partyId, LocalDate startsOn, LocalDate endsOn,
			String personName) {

		Adviser named(String name) {
			return new Adviser(id, villageId, villageName, partyId, startsOn, endsOn, name);
		}

		public boolean serving(LocalDate today) {
			return !startsOn.isAfter(today) && (endsOn == null || !endsOn.isBefore(today));
		}

	}

	public record AdviserForm(Long partyId, LocalDate startsOn, LocalDate endsOn) {
	}

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Villages villages;

	private final Members members;

	private final PartyDirectory parties;

	private final Clock clock;

	Pairings(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Villages villages, Members members,
			PartyDirectory parties, Clock clock, AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.villages = villages;
		this.members = members;
		this.parties = parties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Pairing> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(select() + " where p.id = :id and " + scope.on("p.org_path"))
			.param("id", id)
			.params(scope.param())
			.query(Pairing.class)
			.optional()
			.map(p -> named(List.of(p)).get(0));
	}

	public Pairing get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Pairing", id));
	}

	/** A page of the pairings in the caller's scope, optionally of one organisation's subtree or one village; newest first. */
	@Transactional(readOnly = true)
	public Page<Pairing> search(Long orgId, Long villageId, Pageable pageable) {
		DataScope scope = scopes.current();
		List<String> where = new ArrayList<>(List.of(scope.on("p.org_path")));
		Map<String, Object> params = new HashMap<>(scope.param());
		if (orgId != null) {
			DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
			where.add(subtree.on("p.org_path"));
			params.putAll(subtree.param());
		}
		if (villageId != null) {
			where.add("p.village_id = :village");
			params.put("village", villageId);
		}
		String condition = String.join(" and ", where);
		long total = jdbc.sql("select count(*) from welfare_pairing p where " + condition).params(params).query(Long.class).single();
		List<Pairing> rows = jdbc.sql(select() + " where " + condition + " order by p.starts_on desc, p.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(Pairing.class)
			.list();
		return new PageImpl<>(named(rows), pageable, total);
	}

	/**
	 * Pairs member enterprises and/or chambers with a village. Refused, with nothing written: no
	 * helper, a helper that is not a member enterprise or a chamber in scope, a village outside the
	 * responsible organisation's region, dates in the wrong order.
	 */
	@Transactional
	public Long create(PairingForm form) {
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "welfare.required");
		}
		OrganizationSummary org = organizations.find(form.orgId())
			.orElseThrow(() -> new RuleViolationException("orgId", "welfare.organization.notFound"));
		if (form.villageId() == null) {
			throw new RuleViolationException("villageId", "welfare.required");
		}
		Village village = villages.find(form.villageId())
			.orElseThrow(() -> new RuleViolationException("villageId", "welfare.village.notFound"));
		if (org.regionCode() == null || !village.townshipCode().startsWith(org.regionCode())) {
			throw new RuleViolationException("villageId", "welfare.pairing.outsideRegion");
		}
		Set<Long> partyIds = new LinkedHashSet<>(form.partyIds() == null ? List.of() : form.partyIds().stream().filter(java.util.Objects::nonNull).toList());
		Set<Long> chamberIds = new LinkedHashSet<>(form.chamberIds() == null ? List.of() : form.chamberIds().stream().filter(java.util.Objects::nonNull).toList());
		if (partyIds.isEmpty() && chamberIds.isEmpty()) {
			throw new RuleViolationException("partyIds", "welfare.pairing.noHelpers");
		}
		for (Long party : partyIds) {
			PartyDetails details = members.find(party)
				.orElseThrow(() -> new RuleViolationException("partyIds", "welfare.pairing.notEnterprise"));
			if (details.kind() != PartyKind.ENTERPRISE) {
				throw new RuleViolationException("partyIds", "welfare.pairing.notEnterprise");
			}
		}
		for (Long chamber : chamberIds) {
			organizations.find(chamber).orElseThrow(() -> new RuleViolationException("chamberIds", "welfare.pairing.chamberNotFound"));
		}
		LocalDate starts = form.startsOn() == null ? today() : form.startsOn();
		if (form.endsOn() != null && form.endsOn().isBefore(starts)) {
			throw new RuleViolationException("endsOn", "welfare.dates.order");
		}
		TextLimit.atMost("note", "note", form.note(), 500);
		List<HelpKind> kinds = form.kinds() == null ? List.of() : form.kinds().stream().filter(java.util.Objects::nonNull).distinct().toList();
		if (kinds.isEmpty()) {
			throw new RuleViolationException("kinds", "welfare.required");
		}
		Long id = jdbc.sql("""
				insert into welfare_pairing (org_id, org_path, village_id, starts_on, ends_on, kinds, status, note)
				values (:org, :path, :village, :starts, :ends, cast(:kinds as varchar(20)[]), 'ACTIVE', :note) returning id
				""")
			.param("org", org.id())
			.param("path", org.path())
			.param("village", village.id())
			.param("starts", starts)
			.param("ends", form.endsOn())
			.param("kinds", kinds.stream().map(HelpKind::name).toArray(String[]::new))
			.param("note", blankToNull(form.note()))
			.query(Long.class)
			.single();
		partyIds.forEach(party -> jdbc.sql("insert into welfare_pairing_party (pairing_id, party_id) values (:p, :x)")
			.param("p", id).param("x", party).update());
		chamberIds.forEach(chamber -> jdbc.sql("insert into welfare_pairing_party (pairing_id, chamber_id) values (:p, :x)")
			.param("p", id).param("x", chamber).update());
		audit.record(AuditEntry.of("WELFARE_PAIRING_CREATED").entity("WelfarePairing", id).org(org.id())
			.summary(village.name() + "：" + String.join("、", get(id).helperNames()) + "，" + starts));
		return id;
	}

	/** Ends an active pairing on a day (today by default). */
	@Transactional
	public void end(Long id, LocalDate on) {
		Pairing pairing = get(id);
		if (!"ACTIVE".equals(pairing.status())) {
			throw new RuleViolationException("status", "welfare.pairing.notActive");
		}
		LocalDate day = on == null ? today() : on;
		if (day.isBefore(pairing.startsOn())) {
			throw new RuleViolationException("endsOn", "welfare.dates.order");
		}
		jdbc.sql("update welfare_pairing set status = 'ENDED', ends_on = :on, version = version + 1 where id = :id")
			.param("on", day).param("id", id).update();
		audit.record(AuditEntry.of("WELFARE_PAIRING_ENDED").entity("WelfarePairing", id).org(pairing.orgId())
			.summary(pairing.villageName() + "，" + day));
	}

	/** The advisers of a village in the caller's scope, current and past. */
	@Transactional(readOnly = true)
	public List<Adviser> advisers(Long villageId) {
		Village village = villages.get(villageId);
		List<Adviser> rows = jdbc.sql("select a.id, a.village_id, :name as village_name, a.party_id, a.starts_on, a.ends_on,"
				+ " null as person_name from welfare_adviser a where a.village_id = :v order by a.starts_on desc, a.id desc")
			.param("v", village.id())
			.param("name", village.name())
			.query(Adviser.class)
			.list();
		Map<Long, String> names = rows.isEmpty() ? Map.of()
				: parties.partyNamesByIdUnscoped(rows.stream().map(Adviser::partyId).toList());
		return rows.stream().map(a -> a.named(names.get(a.partyId()))).toList();
	}

	/** Appoints a person member as the village's economic adviser for a term; anyone else is refused. */
	@Transactional
	public Long appoint(Long villageId, AdviserForm form) {
		Village village = villages.get(villageId);
		if (form.partyId() == null) {
			throw new RuleViolationException("partyId", "welfare.required");
		}
		PartyDetails person = members.find(form.partyId())
			.orElseThrow(() -> new RuleViolationException("partyId", "welfare.adviser.notPerson"));
		if (person.kind() != PartyKind.PERSON) {
			throw new RuleViolationException("partyId", "welfare.adviser.notPerson");
		}
		LocalDate starts = form.startsOn() == null ? today() : form.startsOn();
		if (form.endsOn() != null && form.endsOn().isBefore(starts)) {
			throw new RuleViolationException("endsOn", "welfare.dates.order");
		}
		Long id = jdbc.sql("""
				insert into welfare_adviser (org_id, org_path, village_id, party_id, starts_on, ends_on)
				values (:org, :path, :village, :party, :starts, :ends) returning id
				""")
			.param("org", village.orgId())
			.param("path", village.orgPath())
			.param("village", village.id())
			.param("party", person.id())
			.param("starts", starts)
			.param("ends", form.endsOn())
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("WELFARE_ADVISER_APPOINTED").entity("WelfareAdviser", id).org(village.orgId())
			.summary(person.name() + "：" + village.name() + "，" + starts + (form.endsOn() != null ? "—" + form.endsOn() : "")));
		return id;
	}

	private String select() {
		return COLUMNS.replace("as chamber_ids", "as chamber_ids, null as org_name, null as party_names, null as chamber_names");
	}

	private List<Pairing> named(List<Pairing> pairings) {
		Set<Long> partyIds = new HashSet<>();
		Set<Long> orgIds = new HashSet<>();
		pairings.forEach(p -> {
			partyIds.addAll(p.parties());
			orgIds.addAll(p.chambers());
			orgIds.add(p.orgId());
		});
		Map<Long, String> partyNames = partyIds.isEmpty() ? Map.of() : parties.partyNamesByIdUnscoped(partyIds);
		Map<Long, String> orgNames = orgIds.isEmpty() ? Map.of() : organizations.namesUnscoped(orgIds);
		return pairings.stream().map(p -> p.named(orgNames.get(p.orgId()), partyNames, orgNames)).toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}

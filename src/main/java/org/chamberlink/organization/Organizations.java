package org.chamberlink.organization;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads organisations within the caller's data scope. Every query carries the scope's predicate
 * on {@code o.path}; a record outside the scope is simply not found.
 */
@Service
public class Organizations {

	// the region's name comes from the region module, one batch per list (named)
	static final String SUMMARY = """
			select o.id, o.type, o.level, o.chamber_kind, o.name, o.region_code, null as region_name, o.parent_id,
			       o.path, o.registered, o.party_organisation, o.status,
			       p.ends_on as president_term_ends_on, p.non_public_economy as president_non_public_economy
			from organization o
			left join lateral (select t.ends_on, t.non_public_economy from leadership_term t
			                   where t.org_id = o.id and t.role = 'PRESIDENT'
			                   order by t.ends_on desc limit 1) p on true
			""";

	private static final String DETAILS = """
			select id, type, level, chamber_kind, name, short_name, region_code, origin_region_code, parent_id, path,
			       founded_on,
			       registered, registered_on, registration_code, unregistered_reason, party_organisation,
			       party_star_rating, party_liaison, office_fixed, office_area, fulltime_staff, website,
			       periodical, has_staff, has_office, has_funds, has_equipment, has_duties, income_band,
			       accepts_join_applications, status, version
			from organization
			""";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final OrganizationRegionNames regions;

	private final OrganizationList list;

	Organizations(JdbcClient jdbc, DataScopes scopes, OrganizationRegionNames regions, OrganizationList list) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.regions = regions;
		this.list = list;
	}

	private List<OrganizationSummary> named(List<OrganizationSummary> orgs) {
		return regions.named(orgs);
	}

	private Optional<OrganizationSummary> named(Optional<OrganizationSummary> org) {
		return org.map(o -> named(List.of(o)).get(0));
	}

	/** The organisation if it lies within the current account's scope. */
	@Transactional(readOnly = true)
	public Optional<OrganizationSummary> find(Long id) {
		DataScope scope = scopes.current();
		return named(jdbc.sql(SUMMARY + " where o.id = :id and " + scope.on("o.path"))
			.param("id", id)
			.params(scope.param())
			.query(OrganizationSummary.class)
			.optional());
	}

	/**
	 * The names of these organisations, for other modules' lists (which keep the ids): unscoped,
	 * since an organisation's name is public (as on its join page). Unknown ids are left out.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, String> namesUnscoped(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		jdbc.sql("select id, name from organization where id = any(:ids)")
			.param("ids", ids.stream().distinct().toArray(Long[]::new))
			.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

	/**
	 * An organisation's materialised path regardless of scope, for the records of other modules
	 * that keep a copy of it (a case handed to an organisation above the caller takes its path).
	 */
	@Transactional(readOnly = true)
	public Optional<String> pathUnscoped(Long id) {
		return jdbc.sql("select path from organization where id = :id").param("id", id).query(String.class).optional();
	}

	/**
	 * An active organisation by id regardless of scope, for the public pages that name it (a
	 * chamber's join page). Deliberately unscoped: an organisation's name is public.
	 */
	@Transactional(readOnly = true)
	public Optional<OrganizationSummary> findActiveUnscoped(Long id) {
		return named(jdbc.sql(SUMMARY + " where o.id = :id and o.status = 'ACTIVE'")
			.param("id", id)
			.query(OrganizationSummary.class)
			.optional());
	}

	/**
	 * The organisation a public join page (no sign-in) may take applications for: active, and
	 * accepting public applications. Anything else — a federation that does not, a dissolved
	 * chamber, an id that does not exist — is empty alike.
	 */
	@Transactional(readOnly = true)
	public Optional<OrganizationSummary> findForJoinPageUnscoped(Long id) {
		return named(jdbc.sql(SUMMARY + " where o.id = :id and o.status = 'ACTIVE' and o.accepts_join_applications")
			.param("id", id)
			.query(OrganizationSummary.class)
			.optional());
	}

	/**
	 * An organisation regardless of the caller's scope, for the rules that must hold whoever asks
	 * (a region inside its parent's). Never for answering the caller: package-private on purpose.
	 */
	@Transactional(readOnly = true)
	Optional<OrganizationSummary> findUnscoped(Long id) {
		return named(jdbc.sql(SUMMARY + " where o.id = :id").param("id", id).query(OrganizationSummary.class).optional());
	}

	public OrganizationSummary get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Organization", id));
	}

	@Transactional(readOnly = true)
	public OrganizationDetails details(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(DETAILS + " where id = :id and " + scope.on("path"))
			.param("id", id)
			.params(scope.param())
			.query(OrganizationDetails.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Organization", id));
	}

	/**
	 * Several organisations of the caller's scope in one statement, in path order (unknown ids and
	 * those outside the scope are left out): what a campaign's pre-fill reads for every chamber of a city.
	 */
	@Transactional(readOnly = true)
	public List<OrganizationSummary> summariesOf(java.util.Collection<Long> ids) {
		DataScope scope = scopes.current();
		return named(jdbc.sql(SUMMARY + " where o.id = any(cast(:ids as bigint[])) and " + scope.on("o.path") + " order by o.path")
			.param("ids", ids.toArray(Long[]::new))
			.params(scope.param())
			.query(OrganizationSummary.class)
			.list());
	}

	/** The whole records of several organisations of the caller's scope in one statement, as {@link #summariesOf}. */
	@Transactional(readOnly = true)
	public List<OrganizationDetails> detailsOf(java.util.Collection<Long> ids) {
		DataScope scope = scopes.current();
		return jdbc.sql(DETAILS + " where id = any(cast(:ids as bigint[])) and " + scope.on("path") + " order by path")
			.param("ids", ids.toArray(Long[]::new))
			.params(scope.param())
			.query(OrganizationDetails.class)
			.list();
	}

	/** Several organisations of the caller's scope by id and path, as {@link #summariesOf}. */
	@Transactional(readOnly = true)
	public List<OrganizationPath> pathsOf(java.util.Collection<Long> ids) {
		DataScope scope = scopes.current();
		return jdbc.sql("select o.id, o.path from organization o where o.id = any(cast(:ids as bigint[])) and " + scope.on("o.path")
				+ " order by o.path")
			.param("ids", ids.toArray(Long[]::new))
			.params(scope.param())
			.query(OrganizationPath.class)
			.list();
	}

	/** One page of the filtered list, in tree order. */
	public Page<OrganizationSummary> search(OrganizationFilter filter, Pageable pageable) {
		return list.search(filter, pageable);
	}

	/** Every row of the filtered list, streamed (for exports of any size). */
	public void forEach(OrganizationFilter filter, Consumer<OrganizationSummary> consumer) {
		list.forEach(filter, consumer);
	}

	/**
	 * The active organisations a picker offers for what was typed, within the caller's scope: names
	 * containing it, or the one an 18-character registration code names; an exact name first, then
	 * names starting with it, then in tree order; nothing typed gives the top of the scope in tree
	 * order. With {@code reachableFrom} (an organisation within the scope), the organisations above
	 * it are offered too and it is not (where a case it handles may be transferred). At most
	 * {@code most}; the president's term is not read.
	 */
	@Transactional(readOnly = true)
	public List<OrganizationSummary> matching(String typed, Long reachableFrom, int most) {
		DataScope scope = scopes.current();
		String text = typed == null ? "" : typed.strip();
		OrganizationSummary from = reachableFrom == null ? null : find(reachableFrom).orElse(null);
		if (text.isEmpty()) {
			return nearest(from, most);
		}
		String where = from == null ? scope.on("o.path")
				: "(" + scope.on("o.path") + " or :fromPath like o.path || '%') and o.id <> :fromId";
		String match = text.matches("[0-9A-Za-z]{18}") ? " and o.registration_code = :code" : " and o.name like :containing";
		return named(jdbc.sql(CHOICES + " where o.status = 'ACTIVE' and " + where + match
				+ " order by o.name = :text desc, o.name like :prefix desc, o.path limit :most")
			.params(scope.param())
			.param("fromPath", from == null ? null : from.path())
			.param("fromId", from == null ? null : from.id())
			.param("code", text.toUpperCase())
			.param("text", text)
			.param("prefix", org.chamberlink.shared.LikePattern.startingWith(text))
			.param("containing", org.chamberlink.shared.LikePattern.containing(text))
			.param("most", most)
			.query(OrganizationSummary.class)
			.list());
	}

	/** A picker's columns: those of {@link #SUMMARY} without the president's term, which a choice does not show. */
	private static final String CHOICES = """
			select o.id, o.type, o.level, o.chamber_kind, o.name, o.region_code, null as region_name, o.parent_id,
			       o.path, o.registered, o.party_organisation, o.status,
			       null as president_term_ends_on, null as president_non_public_economy
			from organization o
			""";

	/**
	 * Nothing typed: the active organisations above {@code from} (a transfer's), then the caller's
	 * own and those directly below it, through the parent index rather than a sort of the subtree.
	 */
	private List<OrganizationSummary> nearest(OrganizationSummary from, int most) {
		java.util.Map<Long, OrganizationSummary> offered = new java.util.LinkedHashMap<>();
		if (from != null) {
			List<Long> above = java.util.Arrays.stream(from.path().split("/"))
				.filter(part -> !part.isEmpty())
				.map(Long::valueOf)
				.filter(id -> !id.equals(from.id()))
				.toList();
			if (!above.isEmpty()) {
				jdbc.sql(CHOICES + " where o.id in (:ids) and o.status = 'ACTIVE' order by length(o.path)")
					.param("ids", above)
					.query(OrganizationSummary.class)
					.list()
					.forEach(org -> offered.put(org.id(), org));
			}
		}
		nearby(null).stream()
			.filter(org -> "ACTIVE".equals(org.status()) && (from == null || !org.id().equals(from.id())))
			.forEach(org -> offered.putIfAbsent(org.id(), org));
		return named(offered.values().stream().limit(most).toList());
	}

	/**
	 * What a form without script offers to choose from: the caller's organisation (all the topmost
	 * for an installation-wide account), those directly below, and {@code chosen} if it is within
	 * the scope. The picker's search reaches the rest.
	 */
	@Transactional(readOnly = true)
	public List<OrganizationSummary> nearby(Long chosen) {
		java.util.Map<Long, OrganizationSummary> options = new java.util.LinkedHashMap<>();
		Long own = scopes.currentOrgId();
		List<OrganizationSummary> roots = own != null ? find(own).map(List::of).orElse(List.of()) : roots();
		for (OrganizationSummary root : roots) {
			options.put(root.id(), root);
			children(root.id()).forEach(child -> options.put(child.id(), child));
		}
		if (chosen != null) {
			find(chosen).ifPresent(found -> options.putIfAbsent(found.id(), found));
		}
		return List.copyOf(options.values());
	}

	/** The organisations directly below one (for drill-down), within scope. */
	@Transactional(readOnly = true)
	public List<OrganizationSummary> children(Long parentId) {
		DataScope scope = scopes.current();
		return named(jdbc.sql(SUMMARY + " where o.parent_id = :parent and " + scope.on("o.path") + " order by o.type, o.name")
			.param("parent", parentId)
			.params(scope.param())
			.query(OrganizationSummary.class)
			.list());
	}

	/**
	 * The organisations a form offers an account to choose from: its own and those directly below
	 * it, or every root for an installation-wide account (no organisation).
	 */
	public List<OrganizationSummary> ownAndChildren(Long orgId) {
		if (orgId == null) {
			return roots();
		}
		List<OrganizationSummary> choices = new java.util.ArrayList<>();
		choices.add(get(orgId));
		choices.addAll(children(orgId));
		return choices;
	}

	/**
	 * The active organisations of an organisation's subtree, itself included, by id and path: what
	 * other modules' figures count organisations by (those that held no activity in a period, say)
	 * without reading this module's table. Not found outside the caller's scope, like an unknown id.
	 */
	@Transactional(readOnly = true)
	public List<OrganizationPath> activeWithin(Long id) {
		DataScope subtree = DataScope.subtree(get(id).path());
		return jdbc.sql("select o.id, o.path from organization o where " + subtree.on("o.path")
				+ " and o.status = 'ACTIVE' order by o.path")
			.params(subtree.param())
			.query(OrganizationPath.class)
			.list();
	}

	/**
	 * The active organisations of one type (and, for federations, one level) in an organisation's
	 * subtree, by name: those an evaluation campaign applies to. Within the caller's scope only.
	 */
	@Transactional(readOnly = true)
	public List<OrganizationSummary> activeOfType(Long within, OrganizationType type, String level) {
		DataScope subtree = DataScope.subtree(get(within).path());
		DataScope scope = scopes.current();
		return named(jdbc.sql(SUMMARY + " where " + subtree.on("o.path") + " and " + scope.on("o.path")
				+ " and o.status = 'ACTIVE' and o.type = :type and (cast(:level as varchar) is null or o.level = :level)"
				+ " order by o.path")
			.params(subtree.param())
			.params(scope.param())
			.param("type", type.name())
			.param("level", level)
			.query(OrganizationSummary.class)
			.list());
	}

	/** The organisations above one, from the top of the caller's scope down (for a breadcrumb). */
	@Transactional(readOnly = true)
	public List<OrganizationSummary> ancestors(Long id) {
		OrganizationSummary org = get(id);
		List<Long> ids = java.util.Arrays.stream(org.path().split("/"))
			.filter(part -> !part.isEmpty())
			.map(Long::valueOf)
			.filter(ancestor -> !ancestor.equals(id))
			.toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		DataScope scope = scopes.current();
		return named(jdbc.sql(SUMMARY + " where o.id in (:ids) and " + scope.on("o.path") + " order by length(o.path)")
			.param("ids", ids)
			.params(scope.param())
			.query(OrganizationSummary.class)
			.list());
	}

	/** The topmost organisations the caller can see (for an installation-wide administrator). */
	@Transactional(readOnly = true)
	public List<OrganizationSummary> roots() {
		DataScope scope = scopes.current();
		return named(jdbc.sql(SUMMARY + " where o.parent_id is null and " + scope.on("o.path") + " order by o.name")
			.params(scope.param())
			.query(OrganizationSummary.class)
			.list());
	}

}

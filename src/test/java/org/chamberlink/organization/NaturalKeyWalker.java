package org.chamberlink.organization;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.chamberlink.member.PartyKind;
import org.chamberlink.organization.NaturalKeyEndpoint.Input;
import org.chamberlink.organization.NaturalKeyEndpoint.Where;
import org.chamberlink.organization.NaturalKeyNeighbours.Party;
import org.chamberlink.organization.ResponseShape.Reply;
import org.chamberlink.privacy.Masks;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.WebSession;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;


/**
 * Calls every mapping that takes a natural key — a credit code, identity number, phone, region
 * code or organisation name, in a JSON body, a form, a query parameter or an import row — twice
 * as the caller: once with the neighbour's value and once with a value that exists nowhere, and
 * compares the two answers ({@link ResponseShape}). Any difference tells the caller something
 * about the neighbour. Path variables are aimed at the caller's own records (its organisation,
 * its enterprise or person, a join application it entered holding the value). Mappings the
 * chamber may not call at all are walked as its county federation, with the other county as the
 * neighbour. Every pair of calls is fingerprinted against the neighbours.
 * <p>
 * Attaching a neighbour's party is intended; the attached party is then walked on its own
 * ({@link #walkAttached}): nothing the neighbour recorded privately may show, nothing of the
 * neighbour may change.
 */
final class NaturalKeyWalker {

	/** The request fields that carry natural keys. */
	static final Set<String> KEYS = Set.of("creditCode", "idNumber", "phone", "regionCode", "name", "keyword",
			"memberKeyword", "q", /* issue 21: a bank named by its agreement */ "bank");

	private static final Set<String> KEYWORDS = Set.of("keyword", "memberKeyword", "q");

	/** What a search keyword is tried with. */
	private static final List<String> KEYWORD_FLAVOURS = List.of("creditCode", "idNumber", "phone", "phoneLast4",
			"partyName", "orgName");


	/** Inputs that name a party by id: a merge's survivor and duplicates, a leader's enterprise … */
	private static final Pattern PARTY_SLOT = Pattern.compile("(survivor|duplicate|party|enterprise|person)Ids?");

	/** Import template columns that hold natural keys. */
	private static final Map<String, String> HEADER_KEYS = Map.of("统一社会信用代码", "creditCode", "身份证号码", "idNumber",
			"手机号码", "phone", "注册地区划代码", "regionCode", "区划代码", "regionCode", "名称/姓名", "name", "名称", "name");

	/** Valid values for the other fields: those the neighbour entered its members with, so an attached party and a new one look alike. */
	private static final Map<String, Object> DEFAULTS = Map.ofEntries(Map.entry("enterpriseKind", "PRIVATE_ENTERPRISE"),
			Map.entry("legalRepresentative", "张三"), Map.entry("industryCode", "13"), Map.entry("sizeClass", "SMALL"),
			Map.entry("employees", 25), Map.entry("outOfTown", false), Map.entry("highTech", false),
			Map.entry("gender", "FEMALE"), Map.entry("partyMember", false), Map.entry("publicRoles", ""),
			Map.entry("role", "MEMBER"), Map.entry("joinedOn", "2024-03-01"), Map.entry("type", "CHAMBER"),
			Map.entry("chamberKind", "INDUSTRY"), Map.entry("registered", false),
			Map.entry("unregisteredReason", "尚未登记"), Map.entry("partyOrganisation", "NONE"),
			Map.entry("contactName", "李四"), Map.entry("message", ""), Map.entry("clearPhone", false),
			Map.entry("reason", "探测"));

	private static final Set<String> NULLS = Set.of("tier", "tierReason", "groupOrgId", "level", "version");

	private static final AtomicLong SEQUENCE = new AtomicLong();

	/**
	 * Who walks: its organisation (name and region restored after every call), its own enterprise
	 * and person, and the neighbour it must learn nothing about.
	 */
	record Side(String label, String token, WebSession web, long ownOrg, String ownName, String ownRegion,
			long ownEnterprise, long ownPerson, NaturalKeyNeighbours neighbours) {
	}

	/** One comparison: a mapping, the kind of party, the input that carries the key, what key, the parent it names. */
	record Probe(NaturalKeyEndpoint endpoint, Side side, PartyKind kind, String field, String flavour, Long parent,
			boolean partyContext, List<String> headers) {

		String label() {
			String key = KEYWORDS.contains(field) ? field + "=the neighbour's " + flavour : flavour;
			return endpoint + " [" + (kind == null ? "" : kind + " ") + key
					+ (parent == null ? "" : parent == side.ownOrg() ? ", parentId=own" : ", parentId=neighbour's parent")
					+ (side.label().isEmpty() ? "" : ", " + side.label()) + "]";
		}

	}

	/** A neighbour's party the walk attached, by which probe, and what the caller typed to attach it. */
	private record Attached(Side side, Party party, String by, Set<String> typed) {
	}

	final List<String> walked = new ArrayList<>();

	final List<String> leaks = new ArrayList<>();

	final List<String> skipped = new ArrayList<>();

	private final JdbcClient jdbc;

	private final NaturalKeyRequests requests;

	private final String marker;

	private final Side chamber;

	private final Side county;

	private final Collection<Long> neighbourOrgs;

	/** A township of the other county that has a chamber (the neighbour's), and one that has none. */
	private final String takenTownship;

	private final String freeTownship;

	private final List<Attached> attached = new ArrayList<>();

	private final Set<Long> recordedAttachments = new HashSet<>();

	private final Map<String, String> regionNames = new HashMap<>();

	/** Leaks found on attached parties, each with the probes that attached them. */
	private final Map<String, Set<String>> afterAttach = new LinkedHashMap<>();

	NaturalKeyWalker(int port, JdbcClient jdbc, String marker, Side chamber, Side county, Collection<Long> neighbourOrgs,
			String takenTownship, String freeTownship) {
		this.jdbc = jdbc;
		this.requests = new NaturalKeyRequests(port, jdbc);
		this.marker = marker.toLowerCase();
		this.chamber = chamber;
		this.county = county;
		this.neighbourOrgs = neighbourOrgs;
		this.takenTownship = takenTownship;
		this.freeTownship = freeTownship;
	}

	/** Probes every endpoint that takes a natural key, then walks the parties that got attached. */
	void walk(List<NaturalKeyEndpoint> endpoints) {
		endpoints.forEach(this::probe);
		walkAttached(endpoints);
		afterAttach.forEach((leak, via) -> leaks.add(leak + " (attached through " + String.join("; ", via) + ")"));
	}

	void probe(NaturalKeyEndpoint endpoint) {
		List<Probe> probes = probes(endpoint, chamber);
		if (probes.isEmpty()) {
			return;
		}
		Reply[] first = run(probes.get(0));
		if (first[0].status() == 403 && first[1].status() == 403 && county != null) {
			// the chamber may not call it at all: walk it as the county federation, the other county its neighbour
			probes = probes(endpoint, county);
		}
		else {
			judge(probes.get(0), first);
			probes = probes.subList(1, probes.size());
		}
		for (Probe probe : probes) {
			judge(probe, run(probe));
		}
	}

	private List<Probe> probes(NaturalKeyEndpoint e, Side side) {
		// an import: its template's columns are the inputs (an attachment upload has none: its form fields are)
		List<String> headers = e.upload() ? requests.template(e, side) : null;
		Set<String> fields = new LinkedHashSet<>();
		if (headers != null) {
			headers.stream().map(HEADER_KEYS::get).filter(java.util.Objects::nonNull).forEach(fields::add);
		}
		else {
			e.inputs().stream().map(Input::name).filter(KEYS::contains).forEach(fields::add);
		}
		Set<String> targets = e.pathVariables().stream().map(variable -> target(e, variable)).collect(Collectors.toSet());
		boolean join = targets.contains("join");
		if (fields.isEmpty() && !join) {
			return List.of();
		}
		if (targets.contains("?")) {
			skipped.add(e + ": a path variable the walk cannot aim at the caller's own records");
			return List.of();
		}
		boolean memberSheet = headers != null && headers.contains("会员类别");
		boolean kindInput = !e.get() && e.input("kind").filter(input -> input.type() == PartyKind.class).isPresent();
		boolean partyContext = e.has("creditCode") || e.has("idNumber") || kindInput || memberSheet
				|| targets.contains("party") || join;
		List<PartyKind> kinds = kindInput || memberSheet || targets.contains("party") || join
				? List.of(PartyKind.ENTERPRISE, PartyKind.PERSON) : Collections.singletonList(null);
		List<Long> parents = e.has("parentId") || (headers != null && headers.contains("上级组织编号"))
				? List.of(side.ownOrg(), side.neighbours().parent) : Collections.singletonList(null);
		if (join) {
			// a join application the caller entered holds the key; approving it enters the member
			fields.addAll(List.of("creditCode", "idNumber", "phone"));
		}
		// a party being entered has one key: an enterprise its credit code, a person an identity number
		boolean entering = kindInput || memberSheet || join;
		List<Probe> probes = new ArrayList<>();
		for (PartyKind kind : kinds) {
			for (Long parent : parents) {
				for (String field : fields) {
					if (entering && (kind == PartyKind.ENTERPRISE && field.equals("idNumber")
							|| kind == PartyKind.PERSON && field.equals("creditCode"))) {
						continue;
					}
					for (String flavour : KEYWORDS.contains(field) ? KEYWORD_FLAVOURS : List.of(field)) {
						probes.add(new Probe(e, side, kind, field, flavour, parent, partyContext, headers));
					}
				}
			}
		}
		return probes;
	}

	/** What a path variable names: the caller's organisation, one of its parties, a join application. */
	private static String target(NaturalKeyEndpoint e, String variable) {
		String segment = e.segmentBefore(variable);
		if (variable.equals("orgId") || segment.equals("organizations")) {
			return "org";
		}
		if (segment.equals("parties") || segment.equals("members") || PARTY_SLOT.matcher(variable).matches()) {
			return "party";
		}
		if (segment.equals("join-applications") || segment.equals("applications")) {
			return "join";
		}
		// ---- issue 21: a loan referral of the caller's own (still applied for)
		if (segment.equals("referrals")) {
			return "referral";
		}
		return "?";
	}

	/** The neighbour call and the nowhere call, fingerprinting the neighbours around them. */
	private Reply[] run(Probe probe) {
		Map<String, String> neighbourValues = values(probe, true);
		Map<String, String> nowhereValues = values(probe, false);
		Map<String, String> before = NaturalKeyNeighbours.fingerprint(jdbc, neighbourOrgs);
		Reply neighbour = call(probe, neighbourValues);
		Reply nowhere = call(probe, nowhereValues);
		Map<String, String> after = NaturalKeyNeighbours.fingerprint(jdbc, neighbourOrgs);
		if (!before.equals(after)) {
			leaks.add(probe.label() + ": changed the neighbour's " + changed(before, after));
		}
		for (Party party : probe.side().neighbours().entered()) {
			if (!recordedAttachments.contains(party.id()) && probe.side().neighbours().attachedElsewhere(party)) {
				recordedAttachments.add(party.id());
				attached.add(new Attached(probe.side(), party, probe.label(), Set.copyOf(neighbourValues.values())));
			}
		}
		return new Reply[] { neighbour, nowhere };
	}

	private void judge(Probe probe, Reply[] replies) {
		String label = probe.label();
		walked.add(label + " -> " + replies[0].status() + "/" + replies[1].status());
		String neighbour = ResponseShape.of(replies[0]);
		String nowhere = ResponseShape.of(replies[1]);
		if (Boolean.getBoolean("naturalKeyWalk.verbose")) {
			System.out.println("  " + label + "\n    neighbour: " + ResponseShape.clip(neighbour, 700) + "\n    nowhere:   "
					+ ResponseShape.clip(nowhere, 700));
		}
		if (!neighbour.equals(nowhere)) {
			leaks.add(label + ": answers differently for the neighbour's value: " + ResponseShape.difference(neighbour, nowhere));
		}
		privateData(replies[0], Set.of()).forEach(what -> leaks.add(label + ": " + what));
	}

	/** The caller's values for one call: the neighbour's key, or a fresh one; the rest fresh or alike. */
	private Map<String, String> values(Probe probe, boolean neighbour) {
		PartyKind kind = probe.kind() != null ? probe.kind()
				: probe.flavour().equals("idNumber") ? PartyKind.PERSON : PartyKind.ENTERPRISE;
		NaturalKeyNeighbours neighbours = probe.side().neighbours();
		String flavour = probe.flavour();
		boolean keyword = KEYWORDS.contains(probe.field());
		// the neighbour's party that holds the key (a credit code is an enterprise's, an identity number a person's)
		PartyKind holder = flavour.equals("creditCode") ? PartyKind.ENTERPRISE
				: flavour.equals("idNumber") ? PartyKind.PERSON : kind;
		Party party = neighbour && (probe.partyContext() || keyword && !flavour.equals("orgName"))
				? neighbours.party(holder) : null;
		long n = SEQUENCE.incrementAndGet();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("creditCode", neighbour && flavour.equals("creditCode") ? party.creditCode() : MemberFixture.creditCode());
		values.put("idNumber", kind == PartyKind.PERSON && flavour.equals("phone") ? ""
				: neighbour && flavour.equals("idNumber") ? party.idNumber() : MemberFixture.identityNumber());
		values.put("phone", neighbour && (flavour.equals("phone") || flavour.equals("phoneLast4")) ? party.phone()
				: MemberFixture.phone());
		values.put("email", "probe" + n + "@example.org");
		if (probe.partyContext()) {
			values.put("name", neighbour ? party.name() : (holder == PartyKind.PERSON ? "无此个人" : "无此企业") + n);
		}
		else {
			values.put("name", neighbour && flavour.equals("name") ? neighbours.orgName : "无此商会" + n);
		}
		// ---- issue 21: a merchant's, a project's or a bank's name typed by the caller: the neighbour's, or none
		String path = probe.endpoint().pattern();
		if (!probe.partyContext() && flavour.equals("name") && path.contains("merchants")) {
			values.put("name", neighbour ? neighbours.merchantName : "无此商户" + n);
		}
		else if (!probe.partyContext() && flavour.equals("name") && path.contains("investment/projects")) {
			values.put("name", neighbour ? neighbours.projectName : "无此项目" + n);
		}
		values.put("bank", neighbour && flavour.equals("bank") ? neighbours.bankName : "无此银行" + n);
		// ---- end issue 21
		if (flavour.equals("regionCode")) {
			values.put("regionCode", neighbour ? takenTownship : freeTownship);
		}
		else if (probe.partyContext()) {
			values.put("regionCode", NaturalKeyNeighbours.REGION);
		}
		if (keyword) {
			values.put(probe.field(), switch (flavour) {
				case "phoneLast4" -> values.get("phone").substring(7);
				case "partyName" -> neighbour ? party.name() : "无此企业" + n;
				case "orgName" -> neighbour ? neighbours.orgName : "无此商会" + n;
				default -> values.get(flavour);
			});
		}
		return values;
	}

	private Reply call(Probe probe, Map<String, String> values) {
		NaturalKeyEndpoint e = probe.endpoint();
		Side side = probe.side();
		PartyKind kind = probe.kind() == null ? PartyKind.ENTERPRISE : probe.kind();
		Map<String, String> ids = new HashMap<>();
		String stateUrl = null;
		for (String variable : e.pathVariables()) {
			String id = switch (target(e, variable)) {
				case "org" -> Long.toString(side.ownOrg());
				// a write gets a fresh party of the caller's own: an attach (a code registered elsewhere) consumes it
				case "party" -> Long.toString(e.method().equals("GET")
						? (kind == PartyKind.PERSON ? side.ownPerson() : side.ownEnterprise())
						: requests.ownParty(side, kind));
				// ---- issue 21: a referral of the caller's own, applied for (a refused recommendation leaves it so)
				case "referral" -> Long.toString(requests.ownReferral(side));
				default -> Long.toString(requests.application(side, kind, values));
			};
			ids.put(variable, id);
			if (stateUrl == null && !target(e, variable).equals("join")) {
				stateUrl = (target(e, variable).equals("org") ? "/api/v1/organizations/"
						: target(e, variable).equals("referral") ? "/api/v1/finance/referrals/" : "/api/v1/parties/") + id;
			}
		}
		JsonNode state = e.get() || stateUrl == null ? null : requests.state(side, stateUrl);
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (Input input : e.inputs()) {
			if (input.where() != Where.FILE && (!e.get() || input.name().equals(probe.field()) || input.required())) {
				Object value = value(input, probe, values, state, false);
				if (value != null) {
					inputs.put(input.name(), value);
				}
			}
		}
		byte[] upload = probe.headers() != null
				? NaturalKeyRequests.workbook(probe.headers(), probe.kind(), values, probe.parent(), side.ownRegion()) : null;
		return ResponseShape.mask(requests.send(side, e, e.path(ids::get), inputs, upload), placeholders(values));
	}

	/**
	 * An input's value: the probe's, else the record's current one (from the API; {@code asStored}:
	 * even when empty), else a valid default.
	 */
	private Object value(Input input, Probe probe, Map<String, String> values, JsonNode state, boolean asStored) {
		String name = input.name();
		if (values.containsKey(name)) {
			return values.get(name);
		}
		if (name.equals("parentId") && probe.parent() != null) {
			return probe.parent();
		}
		if (asStored && state != null && state.has(name) && state.get(name).isNull()) {
			return null;
		}
		if (state != null && state.has(name) && !state.get(name).isNull()) {
			JsonNode node = state.get(name);
			return node.isString() ? node.asString() : node.isNumber() ? node.numberValue()
					: node.isBoolean() ? (Object) node.booleanValue() : node;
		}
		if (name.equals("orgId")) {
			return probe.side().ownOrg();
		}
		if (name.equals("regionCode")) {
			return probe.side().ownRegion();
		}
		if (input.type() == PartyKind.class) {
			return (probe.kind() == null ? PartyKind.ENTERPRISE : probe.kind()).name();
		}
		if (DEFAULTS.containsKey(name)) {
			return DEFAULTS.get(name);
		}
		if (NULLS.contains(name)) {
			return null;
		}
		Class<?> type = input.type();
		if (type.isEnum()) {
			return ((Enum<?>) type.getEnumConstants()[0]).name();
		}
		if (type == Boolean.class || type == boolean.class) {
			return false;
		}
		if (type == int.class || type == long.class) {
			return 0;
		}
		if (type == java.time.LocalDate.class) {
			return "2024-03-01";
		}
		if (type == java.math.BigDecimal.class) {
			return "1";
		}
		if (Collection.class.isAssignableFrom(type)) {
			return List.of();
		}
		return null;
	}

	/** Each value the caller sent, as it may come back (upper case, masked, as a region name), to its placeholder. */
	private Map<String, String> placeholders(Map<String, String> values) {
		Map<String, String> placeholders = new HashMap<>();
		values.forEach((field, value) -> {
			if (value == null || value.length() < 5) {
				return;
			}
			String placeholder = "<" + (KEYWORDS.contains(field) ? "keyword" : field) + ">";
			placeholders.put(value, placeholder);
			placeholders.put(value.toUpperCase(), placeholder);
			placeholders.put(URLEncoder.encode(value, StandardCharsets.UTF_8), placeholder);
			if (field.equals("phone")) {
				placeholders.put(Masks.phone(value), "<phone masked>");
			}
			if (field.equals("idNumber")) {
				placeholders.put(Masks.identityNumber(value), "<idNumber masked>");
			}
			if (field.equals("regionCode")) {
				placeholders.put(regionName(value), "<region name>");
			}
		});
		return placeholders;
	}

	private String regionName(String code) {
		return regionNames.computeIfAbsent(code, c -> jdbc.sql("select coalesce(max(name), :c) from region where code = :c")
			.param("c", c)
			.query(String.class)
			.single());
	}

	/**
	 * The neighbour's private data in an answer (or the page it redirects to, or its job's report):
	 * the marker (its organisation, its staff, its members' e-mail), a full phone or identity number
	 * it recorded that the caller did not type itself ({@code typed}).
	 */
	private List<String> privateData(Reply reply, Set<String> typed) {
		List<String> found = new ArrayList<>();
		String where = "";
		for (String text : new String[] { reply.text(), reply.readable() }) {
			int at = text.toLowerCase().indexOf(marker);
			if (at >= 0) {
				found.add("shows the neighbour's private data" + where + " «…"
						+ text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 40)).replaceAll("\\s+", " ") + "…»");
			}
			for (Side side : county == null ? List.of(chamber) : List.of(chamber, county)) {
				for (Party party : side.neighbours().entered()) {
					for (String secret : new String[] { party.phone(), party.idNumber() }) {
						if (secret != null && !typed.contains(secret) && text.contains(secret)) {
							found.add("shows the full " + (secret.equals(party.phone()) ? "phone" : "identity number")
									+ " the neighbour recorded" + where);
						}
					}
				}
			}
			if (!found.isEmpty() || reply.readable().equals(reply.text())) {
				break;
			}
			where = " on the page it leads to";
		}
		return found;
	}

	/**
	 * Every mapping that takes a party (by path or as a merge's survivor or duplicate) called on
	 * each party the walk attached, with the caller's own party in the other places: the attached
	 * party may show only its registered facts, and nothing of the neighbour may change.
	 */
	private void walkAttached(List<NaturalKeyEndpoint> endpoints) {
		List<NaturalKeyEndpoint> partyEndpoints = endpoints.stream()
			.filter(e -> !slots(e).isEmpty() && e.pathVariables().stream().allMatch(v -> !target(e, v).equals("?")))
			// reading first, then calls that send no data of their own (a reveal), then those that do (an edit)
			.sorted(java.util.Comparator.comparing((NaturalKeyEndpoint e) -> !e.get()).thenComparing(e -> e.inputs()
				.stream()
				.filter(input -> !PARTY_SLOT.matcher(input.name()).matches() && !(input.type().isEnum() && input.required()))
				.count()))
			.toList();
		// a merge consumes a party: each attached party goes through one of them, with a party of the caller's own
		List<Map.Entry<NaturalKeyEndpoint, String>> merges = new ArrayList<>();
		partyEndpoints.stream().filter(NaturalKeyWalker::merges).forEach(e -> slots(e).forEach(slot -> merges.add(Map.entry(e, slot))));
		for (int k = 0; k < attached.size(); k++) {
			Attached attachment = attached.get(k);
			Side side = attachment.side();
			long own = requests.ownParty(side, attachment.party().kind());
			for (NaturalKeyEndpoint e : partyEndpoints) {
				if (!merges(e)) {
					for (String slot : slots(e)) {
						for (String variant : variants(e)) {
							walkAttached(e, side, attachment, slot, variant, own);
						}
					}
				}
			}
			if (!merges.isEmpty()) {
				var merge = merges.get(k % merges.size());
				walkAttached(merge.getKey(), side, attachment, merge.getValue(), "",
						requests.ownParty(side, attachment.party().kind()));
			}
		}
	}

	/** An endpoint that takes several parties at once (a merge's duplicates). */
	private static boolean merges(NaturalKeyEndpoint e) {
		return e.inputs().stream().anyMatch(input -> PARTY_SLOT.matcher(input.name()).matches()
				&& Collection.class.isAssignableFrom(input.type()));
	}

	private void walkAttached(NaturalKeyEndpoint e, Side side, Attached attachment, String slot, String variant, long own) {
		Party party = attachment.party();
		Map<String, String> ids = new HashMap<>();
		for (String variable : e.pathVariables()) {
			ids.put(variable, target(e, variable).equals("org") ? Long.toString(side.ownOrg())
					: variable.equals(slot) ? Long.toString(party.id()) : Long.toString(own));
		}
		String first = e.pathVariables().isEmpty() ? null : ids.get(e.pathVariables().get(0));
		JsonNode state = e.get() || first == null ? null : requests.state(side, "/api/v1/parties/" + first);
		// the caller's own contact data; the registered facts as the caller reads them
		Map<String, String> values = new HashMap<>(Map.of("phone", MemberFixture.phone(), "email",
				"probe" + SEQUENCE.incrementAndGet() + "@example.org", "idNumber", ""));
		Probe probe = new Probe(e, side, party.kind(), "", "", null, true, null);
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (Input input : e.inputs()) {
			if (input.where() == Where.FILE) {
				continue;
			}
			Object value;
			if (PARTY_SLOT.matcher(input.name()).matches()) {
				long id = input.name().equals(slot) ? party.id() : own;
				value = Collection.class.isAssignableFrom(input.type()) ? List.of(id) : id;
			}
			else if (input.type().isEnum() && input.required()) {
				value = variant;
			}
			else if (e.get() && !input.required()) {
				continue;
			}
			else {
				value = value(input, probe, values, state, true);
			}
			if (value != null) {
				inputs.put(input.name(), value);
			}
		}
		Map<String, String> before = e.get() ? null : NaturalKeyNeighbours.fingerprint(jdbc, neighbourOrgs);
		Reply reply = requests.send(side, e, e.path(ids::get), inputs, null);
		String label = e + (variant.isEmpty() ? "" : " " + variant) + " [the attached party as " + slot
				+ (side.label().isEmpty() ? "" : ", " + side.label()) + "]";
		walked.add("after attaching: " + label + " -> " + reply.status());
		List<String> found = new ArrayList<>(privateData(ResponseShape.mask(reply, placeholders(values)), attachment.typed()));
		if (before != null) {
			Map<String, String> after = NaturalKeyNeighbours.fingerprint(jdbc, neighbourOrgs);
			if (!before.equals(after)) {
				found.add("changed the neighbour's " + changed(before, after));
			}
		}
		for (String what : found) {
			afterAttach.computeIfAbsent("after attaching a neighbour's party: " + label + " " + what.replaceAll("«.*»", ""),
					k -> new LinkedHashSet<>()).add(attachment.by());
		}
	}

	/** The places an endpoint takes a party: path variables after parties/members, and inputs like survivorId or duplicateIds. */
	private static List<String> slots(NaturalKeyEndpoint e) {
		List<String> slots = new ArrayList<>();
		e.pathVariables().stream().filter(v -> target(e, v).equals("party")).forEach(slots::add);
		e.inputs().stream().map(Input::name).filter(name -> PARTY_SLOT.matcher(name).matches()).forEach(slots::add);
		return slots;
	}

	/** A required choice (field=PHONE or ID_NUMBER) is walked with each of its values. */
	private static List<String> variants(NaturalKeyEndpoint e) {
		return e.inputs()
			.stream()
			.filter(input -> input.type().isEnum() && input.required())
			.findFirst()
			.map(input -> java.util.Arrays.stream(input.type().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList())
			.orElse(List.of(""));
	}

	private static String changed(Map<String, String> before, Map<String, String> after) {
		return before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).collect(Collectors.joining(", "));
	}

}

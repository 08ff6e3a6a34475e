package org.chamberlink.benefit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.chamberlink.dues.DuesStanding;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MembershipFacts;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member cards: the member's own card in the portal, and a merchant's check of a card code. A card
 * is valid while the member has a current membership and none of their current memberships has a
 * bill past its due date still unpaid — asked of the dues module at the moment of the check
 * ({@link DuesStanding}), never stored, so a payment counts from the request that records it. A
 * merchant accepts cards of members of its signing organisation's subtree only.
 */
@Service
public class MemberCards {

	/** A current membership as the card needs it, from the member module's published view. */
	record Held(Long membershipId, Long partyId, String partyName, Long orgId, String orgPath, LocalDate joinedOn) {
	}

	private static final String HELD = """
			select m.membership_id, m.party_id, m.party_name, m.org_id, m.org_path, m.joined_on
			from published_membership m
			where (m.left_on is null or m.left_on > :today)
			""";

	private final JdbcClient jdbc;

	private final CardCodes codes;

	private final MembershipFacts memberships;

	private final DuesStanding standing;

	private final Merchants merchants;

	private final Organizations organizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MemberCards(JdbcClient jdbc, CardCodes codes, MembershipFacts memberships, DuesStanding standing, Merchants merchants,
			Organizations organizations, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.codes = codes;
		this.memberships = memberships;
		this.standing = standing;
		this.merchants = merchants;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
	}

	/** The signed-in member's card, with a code issued now; empty without a current membership. */
	@Transactional(readOnly = true)
	public Optional<MemberCard> own(AccountPrincipal member) {
		List<Long> ids = memberships.idsOf(member);
		if (ids.isEmpty()) {
			return Optional.empty();
		}
		LocalDate today = today();
		List<Held> own = jdbc.sql(HELD + " and m.membership_id = any(:ids) order by m.joined_on, m.membership_id")
			.param("today", today)
			.param("ids", ids.toArray(Long[]::new))
			.query(Held.class)
			.list();
		if (own.isEmpty()) {
			return Optional.empty();
		}
		Long party = own.get(0).partyId();
		List<Held> held = heldBy(party, today);
		String code = codes.issue(party);
		return Optional.of(new MemberCard(party, own.get(0).partyName(), organisationNames(held),
				held.stream().map(Held::joinedOn).min(Comparator.naturalOrder()).orElse(today), goodStanding(held, today), code,
				codes.expiresAt(code)));
	}

	/**
	 * A merchant's till checks a code: forged (or tampered), expired, a member elsewhere (answered
	 * as forged), in arrears, or valid with the member's name and organisations in the merchant's
	 * subtree.
	 */
	@Transactional(readOnly = true)
	public CardCheck check(AccountPrincipal till, String typed) {
		Merchant merchant = merchants.ofAccount(till)
			.orElseThrow(() -> new RuleViolationException("code", "benefit.check.noMerchant"));
		return check(merchant, typed);
	}

	private CardCheck check(Merchant merchant, String typed) {
		String code = typed == null ? "" : typed.strip();
		LocalDate today = today();
		if (!merchant.inForce(today)) {
			return CardCheck.invalid("benefit.check.merchantOutOfTerm", code);
		}
		CardCodes.Read read = codes.read(code);
		if (read.problem() == CardCodes.Problem.FORGED) {
			return CardCheck.invalid("benefit.check.forged", code);
		}
		List<Held> held = heldBy(read.partyId(), today);
		DataScope subtree = DataScope.subtree(merchant.orgPath());
		List<Held> here = held.stream().filter(h -> subtree.covers(h.orgPath())).toList();
		if (here.isEmpty()) {
			// a member of another organisation learns the merchant nothing: as a made-up code
			return CardCheck.invalid("benefit.check.forged", code);
		}
		if (read.problem() == CardCodes.Problem.EXPIRED) {
			return CardCheck.invalid("benefit.check.expired", code);
		}
		if (!goodStanding(held, today)) {
			return CardCheck.invalid("benefit.check.arrears", code);
		}
		return new CardCheck(true, "benefit.check.valid", here.get(0).partyName(), organisationNames(here), code);
	}

	/**
	 * Records one use of a checked card at the till's merchant: the code is checked again (still
	 * valid now), and a code is used at most once at a merchant.
	 */
	@Transactional
	public Long recordUse(AccountPrincipal till, String typed) {
		Merchant merchant = merchants.ofAccount(till)
			.orElseThrow(() -> new RuleViolationException("code", "benefit.check.noMerchant"));
		CardCheck check = check(merchant, typed);
		if (!check.valid()) {
			throw new RuleViolationException("code", check.messageKey());
		}
		CardCodes.Read read = codes.read(check.code());
		Instant now = clock.instant();
		Long id;
		try {
			id = jdbc.sql("""
					insert into benefit_card_use (merchant_id, org_path, party_id, code_issued_at, used_at, used_on)
					values (:merchant, :path, :party, :issued, :at, :on) returning id
					""")
				.param("merchant", merchant.id())
				.param("path", merchant.orgPath())
				.param("party", read.partyId())
				.param("issued", read.issuedAt())
				.param("at", java.sql.Timestamp.from(now))
				.param("on", today())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException again) {
			throw new RuleViolationException("code", "benefit.use.already");
		}
		events.publishEvent(new CardUsed(id, merchant.id(), merchant.orgId(), read.partyId(), now));
		return id;
	}

	private List<Held> heldBy(Long partyId, LocalDate today) {
		return jdbc.sql(HELD + " and m.party_id = :party order by m.joined_on, m.membership_id")
			.param("today", today)
			.param("party", partyId)
			.query(Held.class)
			.list();
	}

	/** Good standing: a current membership, and no bill of any current membership overdue today. */
	private boolean goodStanding(List<Held> held, LocalDate today) {
		if (held.isEmpty()) {
			return false;
		}
		Set<Long> overdue = standing.overdueAmongUnscoped(held.stream().map(Held::membershipId).toList(), today);
		return overdue.isEmpty();
	}

	private List<String> organisationNames(List<Held> held) {
		Map<Long, String> names = organizations.namesUnscoped(held.stream().map(Held::orgId).toList());
		return held.stream().map(h -> names.get(h.orgId())).filter(Objects::nonNull).distinct().toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}

package org.chamberlink.honour;

import java.time.LocalDate;
import java.util.function.BooleanSupplier;

import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A programme's eligibility rules, checked by the system itself: for members their kind, party
 * membership, dues, years of membership, "honoured once" and the organisation's registration; for an
 * organisation of the tree or a staff member the kind, "honoured once" and registration (the members'
 * rules do not apply to them, and a programme that sets them refuses them with that reason).
 */
@Component
class HonourRules {

	/**
	 * A member's facts as the rules ask them; dues and registration are asked only when the
	 * programme has that rule and the rules before it passed.
	 */
	record MemberFacts(HonoreeKind kind, boolean partyMember, BooleanSupplier duesInGoodStanding, LocalDate joinedOn, Long partyId,
			BooleanSupplier registered) {
	}

	private final JdbcClient jdbc;

	HonourRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Refuses a member on the first rule failed, with its own message; {@code once} asks "honoured once" too. */
	void checkMember(Programme programme, HonourLevel level, MemberFacts facts, LocalDate today, boolean once) {
		String failed = failedByMember(programme, level, facts, today, once);
		if (failed != null) {
			throw "honour.rule.minYears".equals(failed)
					? new RuleViolationException("membershipId", failed, programme.ruleMinYears())
					: new RuleViolationException("membershipId", failed);
		}
	}

	/** The message of the first rule a member fails, or null when none (the bulk steps leave such members out). */
	String failedByMember(Programme programme, HonourLevel level, MemberFacts facts, LocalDate today, boolean once) {
		if (!programme.honoreeKinds().contains(facts.kind())) {
			return "honour.rule.kind";
		}
		if (programme.rulePartyMember() && !facts.partyMember()) {
			return "honour.rule.partyMember";
		}
		if (programme.ruleDues() && !facts.duesInGoodStanding().getAsBoolean()) {
			return "honour.rule.dues";
		}
		if (programme.ruleMinYears() != null
				&& (facts.joinedOn() == null || facts.joinedOn().isAfter(today.minusYears(programme.ruleMinYears())))) {
			return "honour.rule.minYears";
		}
		if (once && programme.ruleOnce() && honoured(programme, level, Nominee.member(null, facts.partyId(), null, null))) {
			return "honour.rule.once";
		}
		if (programme.ruleRegistered() && !facts.registered().getAsBoolean()) {
			return "honour.rule.registered";
		}
		return null;
	}

	/**
	 * Refuses an organisation of the tree or a staff member ({@code kind}) on the first rule failed:
	 * the kind, the members' rules (refused with {@code membersOnly}), "honoured once", registration.
	 */
	void checkNonMember(Programme programme, HonourLevel level, HonoreeKind kind, String membersOnly, Nominee nominee,
			boolean registered) {
		if (!programme.honoreeKinds().contains(kind)) {
			throw new RuleViolationException(nominee.field(), "honour.rule.kind");
		}
		if (programme.rulePartyMember() || programme.ruleDues() || programme.ruleMinYears() != null) {
			throw new RuleViolationException(nominee.field(), membersOnly);
		}
		if (programme.ruleOnce() && honoured(programme, level, nominee)) {
			throw new RuleViolationException(nominee.field(), "honour.rule.once");
		}
		checkRegistered(programme, registered, nominee.field());
	}

	/** Refuses on the field when the programme honours only registered organisations and this one is not. */
	void checkRegistered(Programme programme, boolean registered, String field) {
		if (programme.ruleRegistered() && !registered) {
			throw new RuleViolationException(field, "honour.rule.registered");
		}
	}

	/** Whether the honouree holds the programme's award at the level, not revoked. */
	boolean honoured(Programme programme, HonourLevel level, Nominee honouree) {
		return jdbc.sql("select exists (select 1 from honour_award where programme_id = :p and level = :level and "
				+ honouree.awardColumn() + " = :honouree and revoked_at is null)")
			.param("p", programme.id())
			.param("level", level.name())
			.param("honouree", honouree.honoureeId())
			.query(Boolean.class)
			.single();
	}

}

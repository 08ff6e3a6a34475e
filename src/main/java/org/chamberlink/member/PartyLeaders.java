package org.chamberlink.member;

import java.util.Map;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprises a person (非公有制经济人士) leads: chair, owner, legal representative. Both
 * parties must be within the caller's scope; the enterprise is named by its credit code, the key
 * staff have at hand. Changes are audited on the person.
 */
@Service
public class PartyLeaders {

	private final JdbcClient jdbc;

	private final Members members;

	private final AuditTrail audit;

	PartyLeaders(JdbcClient jdbc, Members members, AuditTrail audit) {
		this.jdbc = jdbc;
		this.members = members;
		this.audit = audit;
	}

	/** Links the person to the enterprise with this credit code; returns the enterprise's id. */
	@Transactional
	public Long link(Long personId, String creditCode) {
		PartyDetails person = members.get(personId);
		if (person.kind() != PartyKind.PERSON) {
			throw new RuleViolationException("creditCode", "member.leads.onlyPersons");
		}
		String code = creditCode == null ? "" : creditCode.strip().toUpperCase();
		// an outside body's credit code (a group member, decision 31) names no enterprise a person leads
		Long enterpriseId = jdbc.sql("select id from party where credit_code = :code and status = 'ACTIVE' and kind = 'ENTERPRISE'")
			.param("code", code)
			.query(Long.class)
			.optional()
			.orElse(null);
		PartyDetails enterprise;
		try {
			enterprise = enterpriseId == null ? null : members.get(enterpriseId);
		}
		catch (RecordNotFoundException outsideScope) {
			enterprise = null;
		}
		if (enterprise == null) {
			throw new RuleViolationException("creditCode", "member.leads.notFound", code);
		}
		int added = jdbc.sql("insert into party_leader (person_id, enterprise_id) values (:p, :e) on conflict do nothing")
			.param("p", personId)
			.param("e", enterprise.id())
			.update();
		if (added == 1) {
			audit.record(AuditEntry.of(AuditAction.UPDATE)
				.entity("Party", personId)
				.org(members.callerOrgId())
				.summary(person.name() + " 领办企业")
				.changes(Map.of("leads", new Change(null, enterprise.name()))));
		}
		return enterprise.id();
	}

	@Transactional
	public void unlink(Long personId, Long enterpriseId) {
		PartyDetails person = members.get(personId);
		int removed = jdbc.sql("delete from party_leader where person_id = :p and enterprise_id = :e")
			.param("p", personId)
			.param("e", enterpriseId)
			.update();
		if (removed == 1) {
			String name = jdbc.sql("select name from party where id = :id").param("id", enterpriseId)
				.query(String.class).single();
			audit.record(AuditEntry.of(AuditAction.UPDATE)
				.entity("Party", personId)
				.org(members.callerOrgId())
				.summary(person.name() + " 领办企业")
				.changes(Map.of("leads", new Change(name, null))));
		}
	}

}

package org.chamberlink.honour;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public notice (公示) of a programme and the objections to it. The notice lists, to anyone,
 * the nominees whose notice runs today: name, enterprise or organisation, level. An objection is
 * filed against one of them from the signed-out form and holds its award until the reviewer
 * answers it.
 */
@Service
public class HonourNotices {

	/** The public notice: the programme's name, organiser and cycle, and who is on it. */
	public record PublicNotice(Long programmeId, String programmeName, String organizerName, int cycle, List<NoticeEntry> entries) {
	}

	private final JdbcClient jdbc;

	private final NominationRows nominations;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.chamberlink.organization.Organizations organizations;

	HonourNotices(JdbcClient jdbc, NominationRows nominations, AuditTrail audit, Clock clock,
			org.chamberlink.organization.Organizations organizations) {
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.nominations = nominations;
		this.audit = audit;
		this.clock = clock;
	}

	/** The programme's notice as the public sees it; empty when nobody is on notice today (as for an unknown programme). */
	@Transactional(readOnly = true)
	public Optional<PublicNotice> publicNotice(Long programmeId) {
		LocalDate today = today();
		List<NoticeEntry> entries = jdbc.sql("""
				select n.id as nomination_id, n.nominee_name, n.nominee_org_name, n.level, n.notice_until
				from honour_nomination n
				where n.programme_id = :p and n.notice_from <= :today and n.notice_until >= :today
				  and n.status in ('ACCEPTED', 'AWARDED')
				order by n.level desc, n.rank nulls last, n.id
				""")
			.param("p", programmeId)
			.param("today", today)
			.query(NoticeEntry.class)
			.list();
		if (entries.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("select id, name, org_id, cycle from honour_programme where id = :p")
			.param("p", programmeId)
			.query((rs, n) -> new Object[] { rs.getString("name"), rs.getLong("org_id"), rs.getInt("cycle") })
			.optional()
			.map(row -> new PublicNotice(programmeId, (String) row[0],
					organizations.namesUnscoped(List.of((Long) row[1])).get((Long) row[1]), (Integer) row[2], entries));
	}

	/** The organiser's id of a programme on notice (its name is public). */
	@Transactional(readOnly = true)
	public Optional<Long> organizerOf(Long programmeId) {
		return jdbc.sql("select org_id from honour_programme where id = :p").param("p", programmeId).query(Long.class).optional();
	}

	/**
	 * Files an objection, from the signed-out form, against a nominee on the programme's notice
	 * today; a nomination not on it answers as nonexistent.
	 */
	@Transactional
	public Long object(Long programmeId, Long nominationId, String text, String contact) {
		LocalDate today = today();
		if (nominationId == null) {
			throw new RuleViolationException("nominationId", "honour.objection.nomineeRequired");
		}
		boolean onNotice = jdbc.sql("""
				select exists (select 1 from honour_nomination n where n.id = :n and n.programme_id = :p
				    and n.notice_from <= :today and n.notice_until >= :today and n.status in ('ACCEPTED', 'AWARDED'))
				""")
			.param("n", nominationId)
			.param("p", programmeId)
			.param("today", today)
			.query(Boolean.class)
			.single();
		if (!onNotice) {
			throw new RuleViolationException("nominationId", "honour.objection.nomineeRequired");
		}
		String what = HonourInput.required(text, 2000, "text");
		String who = HonourInput.optional(contact, 100, "contact");
		Long id = jdbc.sql("insert into honour_objection (nomination_id, text, contact, filed_at) values (:n, :text, :contact, :now)"
				+ " returning id")
			.param("n", nominationId)
			.param("text", what)
			.param("contact", who)
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("HONOUR_OBJECTION_FILED").entity("Nomination", nominationId).by("public").summary(what));
		return id;
	}

	/** The nomination's objections (for the nominator's and the reviewer's side). */
	@Transactional(readOnly = true)
	public List<Objection> objections(Long nominationId) {
		nominations.get(nominationId);
		return jdbc.sql("select id, nomination_id, text, contact, filed_at, answer, answered_at from honour_objection"
				+ " where nomination_id = :n order by filed_at, id")
			.param("n", nominationId)
			.query(Objection.class)
			.list();
	}

	/** The reviewer answers an objection: the award it held may go ahead once none is open. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void answer(Long objectionId, String answer) {
		Long nominationId = jdbc.sql("select nomination_id from honour_objection where id = :id")
			.param("id", objectionId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Objection", objectionId));
		Nomination n;
		try {
			n = nominations.reviewing(nominationId);
		}
		catch (RecordNotFoundException outside) {
			throw new RecordNotFoundException("Objection", objectionId);
		}
		String text = HonourInput.required(answer, 2000, "answer");
		int updated = jdbc.sql("update honour_objection set answer = :a, answered_by = :by, answered_at = :now"
				+ " where id = :id and answered_at is null")
			.param("a", text)
			.param("by", HonourActor.accountId())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("id", objectionId)
			.update();
		if (updated == 0) {
			throw new RuleViolationException("answer", "honour.objection.alreadyAnswered");
		}
		audit.record(AuditEntry.of("HONOUR_OBJECTION_ANSWERED").entity("Nomination", n.id()).org(n.reviewerOrgId()).summary(text));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}

package org.chamberlink.honour;

import java.time.LocalDate;
import java.util.List;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.Organizations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The awards of a past period that still stand (not revoked), in one query: for a module that
 * counts them afresh (the points ledger's back-fill), named as {@link HonourAwarded} names them.
 * Within an organisation's subtree (the awardee's organisation) looked up in the caller's scope.
 */
@Service
public class HonourHistory {

	/** An award not revoked, with the path of the awardee's organisation. */
	public record StandingAward(Long awardId, String awardeeOrgPath, LocalDate awardedOn) {
	}

	private final JdbcClient jdbc;

	private final Organizations organizations;

	HonourHistory(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/** Awards to the subtree's members made from … to and not revoked, by award id. */
	@Transactional(readOnly = true)
	public List<StandingAward> standingAwards(Long orgId, LocalDate from, LocalDate to) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("select a.id as award_id, a.awardee_org_path, a.awarded_on from honour_award a where "
				+ subtree.on("a.awardee_org_path") + " and a.awarded_on between :from and :to and a.revoked_at is null order by a.id")
			.params(subtree.param())
			.param("from", from)
			.param("to", to)
			.query(StandingAward.class)
			.list();
	}

}

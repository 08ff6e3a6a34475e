package org.chamberlink.honour;

import java.util.List;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.stereotype.Component;

/**
 * Organisations of the tree as honourees (先进单位, 星级党组织 …): a chamber or federation of the
 * nominator's own subtree, the nominator itself included, active; its kind, "honoured once" and
 * "registered" are checked (the members' rules do not apply to an organisation, and a programme that
 * sets them refuses it). An organisation outside the caller's scope answers as nonexistent.
 */
@Component
class OrganizationHonourees extends NamedHonourees {

	private final Organizations organizations;

	OrganizationHonourees(Organizations organizations, HonourRules rules) {
		super(rules, HonoreeKind.TREE_ORGANIZATION, "honour.rule.membersOnly");
		this.organizations = organizations;
	}

	@Override
	public Named pick(Long orgId, OrganizationSummary nominator) {
		if (orgId == null) {
			throw new RuleViolationException("honoreeOrgId", "honour.nomination.organizationRequired");
		}
		OrganizationSummary honoree = organizations.get(orgId);
		if (!honoree.path().startsWith(nominator.path())) {
			throw new RuleViolationException("honoreeOrgId", "honour.nomination.outsideSubtree");
		}
		if (!"ACTIVE".equals(honoree.status())) {
			throw new RuleViolationException("honoreeOrgId", "honour.nomination.organizationInactive");
		}
		// the notice's "enterprise or organisation" column names the organisation above the honoured one (its name is public)
		String above = honoree.parentId() == null ? honoree.name()
				: organizations.namesUnscoped(List.of(honoree.parentId())).getOrDefault(honoree.parentId(), honoree.name());
		return new Named(Nominee.organization(honoree.id(), honoree.name(), above), honoree.registered());
	}

	/** The organisation must still be active, and registered if the programme asks. */
	@Override
	public void recheck(Programme programme, Nomination n) {
		OrganizationSummary honoree = organizations.findActiveUnscoped(n.honoreeOrgId())
			.orElseThrow(() -> new RuleViolationException("honoreeOrgId", "honour.nomination.organizationInactive"));
		rules.checkRegistered(programme, honoree.registered(), "honoreeOrgId");
	}

	@Override
	public Long awardeeOrgId(Nomination n) {
		return n.honoreeOrgId();
	}

}

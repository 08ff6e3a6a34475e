package org.chamberlink.casework;

import java.util.List;

import org.chamberlink.organization.Organizations;
import org.chamberlink.organization.ReachableOrganizations;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where a case may go: the organisations a handler may offer it to, and whose path tells who handles it. */
@Service
public class CaseTransferTargets {

	/** The most organisations the transfer form offers (a select, not a search). */
	static final int MOST_TARGETS = 1_000;

	private final Organizations organizations;

	private final ReachableOrganizations reachable;

	CaseTransferTargets(Organizations organizations, ReachableOrganizations reachable) {
		this.organizations = organizations;
		this.reachable = reachable;
	}

	/** An organisation a case can be transferred to. */
	public record Target(Long id, String name) {
	}

	/** Where a case may be transferred: the organisations above its handler, and those in the caller's subtree. */
	@Transactional(readOnly = true)
	public List<Target> transferTargets(CaseView kase) {
		return reachable.from(organizations.get(kase.orgId()), MOST_TARGETS)
			.stream()
			.map(target -> new Target(target.id(), target.name()))
			.toList();
	}

	/** An organisation's path (to tell whether the caller handles a case or is offered it). */
	@Transactional(readOnly = true)
	public String pathOf(Long orgId) {
		return organizations.pathUnscoped(orgId).orElseThrow(() -> new RecordNotFoundException("Organization", orgId));
	}

}

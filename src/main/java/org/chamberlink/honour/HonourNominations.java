package org.chamberlink.honour;

import java.util.List;
import java.util.Optional;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nominations up the tree, the module's entry point for them (who may call and in which
 * transaction): an organisation nominates members ({@link MemberHonourees}, one or in bulk
 * {@link BulkNomination}), organisations of the tree ({@link OrganizationHonourees}) or staff members
 * ({@link StaffHonourees}) of its own subtree for a level of a programme it lies under, each through
 * the same steps ({@link NominationSteps}: level, reviewer, the programme's rules checked by the
 * system itself, the quota under the quota row's lock); members may apply themselves
 * ({@link SelfApplications}). The federation at that level reviews ({@link NominationReview}: accept
 * with a rank, reject with a reason, ask for more, public notice) and sends on
 * ({@link NominationReferrals}: upward, or to an outside body). Each step is audited; a refused step
 * writes nothing.
 */
@Service
public class HonourNominations {

	private final NominationRows rows;

	private final NominationSteps steps;

	private final MemberHonourees members;

	private final OrganizationHonourees organizations;

	private final StaffHonourees staff;

	private final BulkNomination bulk;

	private final NominationReview review;

	private final NominationReferrals referrals;

	private final SelfApplications applications;

	HonourNominations(NominationRows rows, NominationSteps steps, MemberHonourees members, OrganizationHonourees organizations,
			StaffHonourees staff, BulkNomination bulk, NominationReview review, NominationReferrals referrals,
			SelfApplications applications) {
		this.rows = rows;
		this.steps = steps;
		this.members = members;
		this.organizations = organizations;
		this.staff = staff;
		this.bulk = bulk;
		this.review = review;
		this.referrals = referrals;
		this.applications = applications;
	}

	// ---- reading (the caller nominated or reviews the nomination: either organisation in its scope) ----

	@Transactional(readOnly = true)
	public Optional<Nomination> find(Long id) {
		return rows.find(id);
	}

	public Nomination get(Long id) {
		return rows.get(id);
	}

	/** The programme's nominations the caller nominated or reviews, by level, rank and name. */
	@Transactional(readOnly = true)
	public List<Nomination> of(Long programmeId) {
		return rows.of(programmeId);
	}

	/** Current members of the organisation's subtree (in the caller's scope) to pick from, by name; at most 500. */
	@Transactional(readOnly = true)
	public List<MemberChoice> choices(Long orgId) {
		return members.choices(orgId);
	}

	/** The enabled staff of the organisation (in the caller's scope) and of those directly below it. */
	@Transactional(readOnly = true)
	public List<StaffChoice> staffChoices(Long orgId) {
		return staff.choices(orgId);
	}

	/** A recommendation of the nomination, if any: the outside body, when, and its decision. */
	@Transactional(readOnly = true)
	public Optional<Recommendation> recommendation(Long id) {
		return referrals.recommendation(id);
	}

	// ---- nominating: a member, an organisation of the tree, a staff member, members in bulk ----

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long nominate(NominationForm form) {
		return steps.nominate(form.programmeId(), form.level(), form.nominatorOrgId(), form.membershipId(), form.reasons(),
				form.evidence(), members);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long nominateOrganization(OrganizationNominationForm form) {
		return steps.nominate(form.programmeId(), form.level(), form.nominatorOrgId(), form.honoreeOrgId(), form.reasons(),
				form.evidence(), organizations);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long nominateStaff(StaffNominationForm form) {
		return steps.nominate(form.programmeId(), form.level(), form.nominatorOrgId(), form.accountId(), form.reasons(),
				form.evidence(), staff);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public BulkOutcome nominateAll(BulkNominationForm form) {
		return bulk.nominateAll(form);
	}

	// ---- the review at the nomination's level, and sending on ----

	/** The reviewer accepts the nomination, with its rank among those the nominator sent (1 first). */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void accept(Long id, Integer rank) {
		review.accept(id, rank);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void reject(Long id, String reason) {
		review.reject(id, reason);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void askForMore(Long id, String what) {
		review.askForMore(id, what);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void resubmit(Long id, String evidence) {
		review.resubmit(id, evidence);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public int publishNotice(Long programmeId, HonourLevel level) {
		return review.publishNotice(programmeId, level);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long forward(Long id) {
		return referrals.forward(id);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void recommend(Long id, String outsideBody) {
		referrals.recommend(id, outsideBody);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void recordDecision(Long id, String decision, String note) {
		referrals.recordDecision(id, decision, note);
	}

	// ---- self-application (a member applies in the portal where the programme allows it) ----

	@Transactional(readOnly = true)
	public List<OwnMembership> ownMemberships(AccountPrincipal member) {
		return applications.ownMemberships(member);
	}

	@Transactional(readOnly = true)
	public List<Programme> openTo(AccountPrincipal member) {
		return applications.openTo(member);
	}

	@Transactional
	@PreAuthorize(RoleGroups.MEMBER)
	public Long apply(AccountPrincipal member, SelfApplicationForm form) {
		return applications.apply(member, form);
	}

	@Transactional(readOnly = true)
	public List<OwnApplication> ownApplications(AccountPrincipal member) {
		return applications.ownApplications(member);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void endorse(Long id) {
		applications.endorse(id);
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void decline(Long id, String reason) {
		applications.decline(id, reason);
	}

}

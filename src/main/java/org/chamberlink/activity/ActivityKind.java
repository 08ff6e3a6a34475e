package org.chamberlink.activity;

import java.util.EnumSet;
import java.util.Set;

import org.chamberlink.member.MemberRole;

import static org.chamberlink.member.MemberRole.DIRECTOR;
import static org.chamberlink.member.MemberRole.PRESIDENT;
import static org.chamberlink.member.MemberRole.SECRETARY_GENERAL;
import static org.chamberlink.member.MemberRole.STANDING_DIRECTOR;
import static org.chamberlink.member.MemberRole.VICE_PRESIDENT;

/**
 * What an activity is. The four governance meetings (会员大会, 理事会, 常务理事会, 会长办公会) know who
 * may attend — the organiser's own members holding the roles below — and are checked for a quorum;
 * the others are open to the audience the organiser chooses.
 */
public enum ActivityKind {

	GENERAL_ASSEMBLY(EnumSet.allOf(MemberRole.class)),
	COUNCIL(EnumSet.of(PRESIDENT, VICE_PRESIDENT, SECRETARY_GENERAL, STANDING_DIRECTOR, DIRECTOR)),
	STANDING_COUNCIL(EnumSet.of(PRESIDENT, VICE_PRESIDENT, SECRETARY_GENERAL, STANDING_DIRECTOR)),
	PRESIDENTS_MEETING(EnumSet.of(PRESIDENT, VICE_PRESIDENT, SECRETARY_GENERAL)),
	TRAINING, FORUM, EXHIBITION, STUDY_TOUR, CULTURE_SPORTS, CHARITY, OTHER;

	private final Set<MemberRole> members;

	ActivityKind() {
		this(EnumSet.noneOf(MemberRole.class));
	}

	ActivityKind(Set<MemberRole> members) {
		this.members = members;
	}

	public boolean governance() {
		return !members.isEmpty();
	}

	/** For a governance meeting, the membership roles whose holders may attend and count for the quorum. */
	public Set<MemberRole> eligibleRoles() {
		return members;
	}

}

package org.chamberlink.member;

/**
 * Seed 000's member tiers: 核心层 (standing directors and above), 紧密层 (directors and
 * supervisors), 联系层 (ordinary members being developed), 影响层 (weakly engaged members).
 */
public enum Tier {

	CORE, CLOSE, CONTACT, PERIPHERAL

}

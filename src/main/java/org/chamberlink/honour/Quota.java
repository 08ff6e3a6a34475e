package org.chamberlink.honour;

/** How many one organisation below may nominate for a level of the programme's cycle, and how many it has. */
public record Quota(Long programmeId, Long orgId, String orgName, HonourLevel level, int quota, long used) {

	Quota named(java.util.Map<Long, String> names) {
		return new Quota(programmeId, orgId, names.get(orgId), level, quota, used);
	}

}

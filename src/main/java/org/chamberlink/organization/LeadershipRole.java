package org.chamberlink.organization;

/** 会长, 副会长, 秘书长. */
public enum LeadershipRole {

	PRESIDENT, VICE_PRESIDENT, SECRETARY_GENERAL

}

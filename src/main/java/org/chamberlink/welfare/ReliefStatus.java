package org.chamberlink.welfare;

/** A village's poverty-relief status: 脱贫村, 重点帮扶村, or other. */
public enum ReliefStatus {
	LIFTED, KEY_SUPPORT, OTHER
}

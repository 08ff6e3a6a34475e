package org.chamberlink.organization;

/** 工商联, 个私协, 基层商会. */
public enum OrganizationType {

	FEDERATION, ASSOCIATION, CHAMBER

}

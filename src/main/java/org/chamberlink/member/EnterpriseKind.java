package org.chamberlink.member;

/** 私营企业 / 个体工商户 / 其他: seed 004 counts the first two apart (三多三少). */
public enum EnterpriseKind {

	PRIVATE_ENTERPRISE, INDIVIDUAL_BUSINESS, OTHER

}

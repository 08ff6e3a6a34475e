package org.chamberlink.member;

/** Enterprise size class (大型 / 中型 / 小型 / 微型), as in the statistical classification. */
public enum SizeClass {

	LARGE, MEDIUM, SMALL, MICRO

}

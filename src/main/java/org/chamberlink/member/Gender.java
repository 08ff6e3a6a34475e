package org.chamberlink.member;

public enum Gender {

	MALE, FEMALE

}

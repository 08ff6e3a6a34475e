package org.chamberlink.member;

/** What a member is: an enterprise (企业会员), a person (个人会员) or an organisation (团体会员). */
public enum PartyKind {

	ENTERPRISE, PERSON, GROUP

}

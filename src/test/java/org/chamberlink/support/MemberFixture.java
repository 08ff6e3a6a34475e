package org.chamberlink.support;

import java.util.concurrent.atomic.AtomicLong;

import org.chamberlink.member.IdentityCardNumber;
import org.chamberlink.organization.UnifiedSocialCreditCode;

/** Valid, never-repeated credit codes, identity numbers and phones, and members entered through the API. */
public final class MemberFixture {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000_000L);

	private MemberFixture() {
	}

	/** A private enterprise's code (91 + region 130102 + 9-character organisation code + check). */
	public static String creditCode() {
		return UnifiedSocialCreditCode.complete("91130102" + String.format("%09d", SEQUENCE.incrementAndGet() % 1_000_000_000L));
	}

	/**
	 * A woman (an even 17th digit: the fixtures enter persons as FEMALE) born in 1960 in 长安区,
	 * with a fresh sequence number.
	 */
	public static String identityNumber() {
		long n = SEQUENCE.incrementAndGet();
		String born = String.format("1960%02d%02d", 1 + (n / 28) % 12, 1 + n % 28);
		String first17 = "130102" + born + String.format("%03d", (n % 500) * 2);
		return first17 + IdentityCardNumber.checkCharacter(first17);
	}

	public static String phone() {
		return "139" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000L);
	}

	public static long enterprise(int port, String token, long orgId, String name, String creditCode, String phone) {
		return created(Api.post(port, "/api/v1/members", token, "{\"kind\":\"ENTERPRISE\",\"orgId\":" + orgId
				+ ",\"name\":\"" + name + "\",\"creditCode\":\"" + creditCode + "\",\"enterpriseKind\":\"PRIVATE_ENTERPRISE\""
				+ ",\"industryCode\":\"13\",\"regionCode\":\"130102\",\"phone\":\"" + phone
				+ "\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-03-01\"}"));
	}

	public static long person(int port, String token, long orgId, String name, String idNumber, String phone) {
		return created(Api.post(port, "/api/v1/members", token, "{\"kind\":\"PERSON\",\"orgId\":" + orgId
				+ ",\"name\":\"" + name + "\",\"gender\":\"FEMALE\",\"idNumber\":\"" + idNumber + "\",\"phone\":\"" + phone
				+ "\",\"partyMember\":true,\"role\":\"VICE_PRESIDENT\",\"joinedOn\":\"2023-06-15\"}"));
	}

	public static long created(java.net.http.HttpResponse<String> response) {
		return Json.created(response);
	}

}

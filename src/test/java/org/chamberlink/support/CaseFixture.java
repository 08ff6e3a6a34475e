package org.chamberlink.support;

import java.util.Set;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Cases for tests: a member's portal sign-in, JSON of a complaint, ids out of responses. */
public final class CaseFixture {

	private CaseFixture() {
	}

	/** A portal sign-in for a person (password {@link TestAccounts#PASSWORD}, no change required). */
	public static AccountPrincipal memberAccount(AccountManagement accounts, JdbcClient jdbc, long partyId) {
		// the party id makes the name unique: a party has at most one portal sign-in
		AccountPrincipal account = accounts.create(new NewAccount("m" + partyId + "_" + System.nanoTime() % 1000, "会员" + partyId,
				TestAccounts.PASSWORD, null, Set.of(Role.MEMBER), false));
		jdbc.sql("insert into member_account (account_id, party_id) values (:a, :p)").param("a", account.id())
			.param("p", partyId).update();
		return account;
	}

	public static String complaintJson(long orgId, long partyId, String amountInvolved) {
		return "{\"kind\":\"COMPLAINT\",\"category\":\"ARBITRARY_CHARGES\",\"orgId\":" + orgId + ",\"partyId\":" + partyId
				+ ",\"title\":\"检查收费不开票据\",\"description\":\"区市场监管所检查时收取检测费不开票据。\""
				+ ",\"respondentKind\":\"AUTHORITY\",\"respondentName\":\"某区市场监管所\",\"amountInvolved\":\""
				+ amountInvolved + "\"}";
	}

	/** The case id of a case response ({"caseView":{"id":…}). */
	public static long caseId(String body) {
		return Json.number(body, "$.caseView.id");
	}

}

package org.chamberlink.activity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.member.MemberRole;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invitations and the reminder the day before go through the outbox once each: by mail where the
 * organisation keeps an address, else by SMS to the member's phone; a second run queues nothing.
 */
@IntegrationTest
@Tag("database")
class ActivityNoticesTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivityPlanning planning;

	@Autowired
	ActivityRegistrations registrations;

	@Autowired
	ActivityInvitations invitations;

	@Autowired
	ActivityNotices notices;

	@Autowired
	PartyEmails emails;

	TestTree tree;

	long withMail;

	long withPhoneOnly;

	@BeforeEach
	void twoMembers() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("活动通知");
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		withMail = MemberFixture.enterprise(port, token, tree.chamber(), "有邮箱企业" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		withPhoneOnly = MemberFixture.enterprise(port, token, tree.chamber(), "无邮箱企业" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		signIn(tree.account(tree.chamber(), Role.STAFF));
		emails.set(withMail, "member-" + tree.tag() + "@example.com");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theDayBeforeThoseHoldingASeatAreRemindedOnce() {
		LocalDateTime tomorrow = LocalDate.now(ChinaTime.ZONE).plusDays(1).atTime(10, 0);
		Long id = planning.create(ActivityForm.of(tree.chamber(), ActivityKind.TRAINING, "明日培训" + tree.tag(), tomorrow,
				tomorrow.plusHours(2), "商会会议室", null));
		planning.publish(id);
		registrations.register(id, membership(withMail));
		registrations.register(id, membership(withPhoneOnly));

		notices.remindTomorrow();
		notices.remindTomorrow();

		assertThat(outbox("activity:" + id + ":reminder:")).containsExactlyInAnyOrder(
				"MAIL member-" + tree.tag() + "@example.com", "SMS");
	}

	@Test
	void anInvitationListIsInvitedWhenPublishedAndALateInviteeAtOnce() {
		LocalDateTime later = LocalDate.now(ChinaTime.ZONE).plusDays(10).atTime(15, 0);
		Long id = planning.create(new ActivityForm(tree.chamber(), ActivityKind.FORUM, "邀请制座谈会" + tree.tag(), List.of(), null, later,
				later.plusHours(2), "商会会议室", null, null, null, null, null, Audience.INVITED, java.util.Set.<MemberRole>of(),
				java.util.Set.of(), List.of()));
		invitations.add(id, membership(withMail));
		assertThat(outbox("activity:" + id + ":invitation:")).isEmpty();
		planning.publish(id);
		assertThat(outbox("activity:" + id + ":invitation:")).containsExactly("MAIL member-" + tree.tag() + "@example.com");
		invitations.add(id, membership(withPhoneOnly));
		invitations.add(id, membership(withPhoneOnly));
		assertThat(outbox("activity:" + id + ":invitation:")).hasSize(2);
	}

	private List<String> outbox(String keyPrefix) {
		// an SMS recipient is stored masked (and encrypted): the channel says enough
		return jdbc.sql("select channel || case when channel = 'MAIL' then ' ' || recipient else '' end from notification_outbox"
				+ " where dedup_key like :key order by id")
			.param("key", keyPrefix + "%").query(String.class).list();
	}

	private long membership(long party) {
		return jdbc.sql("select membership_id from published_membership where party_id = :p").param("p", party).query(Long.class)
			.single();
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}

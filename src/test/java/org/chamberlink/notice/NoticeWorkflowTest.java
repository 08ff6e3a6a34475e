package org.chamberlink.notice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.XlsxWriter;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
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
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Notices and data calls against the database: recipients resolved by the audience's choices, a
 * receipt recorded once, reminders at most once a day, the data scope of the sender's and the
 * recipient's side, a data call's replies returned and resubmitted, the zip and the merged workbook,
 * and the refusals of bad input.
 */
@IntegrationTest
@Tag("database")
class NoticeWorkflowTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoticeSending sending;

	@Autowired
	Notices notices;

	@Autowired
	NoticeInbox inbox;

	@Autowired
	NoticeReminders reminders;

	@Autowired
	DataCalls dataCalls;

	@Autowired
	NoticeChanges changes;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	@Autowired
	NoticeAccess access;

	OrganizationFixture fixture;

	TestTree tree;

	AccountPrincipal countyStaff;

	long secondChamber;

	@BeforeEach
	void plantTree() {
		fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		tree = fixture.tree("通知");
		secondChamber = fixture.chamber("INDUSTRY", "长安区第二通知商会" + tree.tag(), "130102", tree.county());
		countyStaff = tree.account(tree.county(), Role.STAFF);
		signIn(countyStaff);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aNoticeReachesTheChosenOrganisationsAndMembersAndReadingRecordsOneReceipt() {
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, token, tree.chamber(), "读者", MemberFixture.identityNumber(), MemberFixture.phone());
		MemberFixture.enterprise(port, token, tree.chamber(), "通知企业" + tree.tag(), MemberFixture.creditCode(), MemberFixture.phone());
		signIn(countyStaff);

		Long id = sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.county(), "关于年检的通知",
				"<p>请按时年检。</p><script>alert(1)</script>").withMembers(List.of(), List.of(), List.of(), List.of()));
		NoticeView sent = notices.get(id);
		// both chambers of the county, never the county itself nor the neighbouring county's chamber
		assertThat(sent.orgRecipients()).isEqualTo(2);
		assertThat(sent.memberRecipients()).isEqualTo(2);
		assertThat(sent.bodyHtml()).isEqualTo("<p>请按时年检。</p>");
		assertThat(notices.orgReceipts(id, false, PageRequest.of(0, 50)).getContent()).extracting(Notices.OrgReceipt::orgId)
			.containsExactlyInAnyOrder(tree.chamber(), secondChamber);

		AccountPrincipal chamber = tree.account(tree.chamber(), Role.STAFF);
		assertThat(inbox.unreadForOrganization(chamber)).isEqualTo(1);
		InboxItem first = inbox.openForOrganization(chamber, id);
		InboxItem again = inbox.openForOrganization(tree.account(tree.chamber(), Role.CHAMBER_ADMIN), id);
		assertThat(first.readAt()).isNotNull().isEqualTo(again.readAt());
		assertThat(inbox.unreadForOrganization(chamber)).isZero();
		NoticeView board = notices.get(id);
		assertThat(board.orgsRead()).isEqualTo(1);
		assertThat(board.orgReadRate().label()).isEqualTo("50.00 %");
		assertThat(notices.orgReceipts(id, true, PageRequest.of(0, 50)).getContent()).extracting(Notices.OrgReceipt::orgId)
			.containsExactly(secondChamber);
		assertThat(notices.orgReceipts(id, false, PageRequest.of(0, 50)).getContent())
			.filteredOn(r -> r.orgId().equals(tree.chamber())).first()
			.satisfies(r -> assertThat(r.readByName()).isEqualTo(chamber.displayName()));

		// a member reads it in the portal
		AccountPrincipal member = CaseFixture.memberAccount(accountManagement, jdbc, person);
		assertThat(inbox.forMember(member)).extracting(InboxItem::id).contains(id);
		inbox.openForMember(member, id);
		inbox.openForMember(member, id);
		assertThat(notices.get(id).membersRead()).isEqualTo(1);
		assertThat(notices.memberTallies(id, PageRequest.of(0, 50)).getContent()).singleElement().satisfies(t -> {
			assertThat(t.orgId()).isEqualTo(tree.chamber());
			assertThat(t.members()).isEqualTo(2);
			assertThat(t.read()).isEqualTo(1);
		});
		assertThat(notices.memberReceipts(id, tree.chamber(), PageRequest.of(0, 50)).getContent())
			.filteredOn(r -> r.readAt() != null).extracting(Notices.MemberReceipt::partyId).containsExactly(person);
	}

	@Test
	void aMemberOfTwoChambersIsReachedOnceAndCountedUnderOneOfThem() {
		String idNumber = MemberFixture.identityNumber();
		long twice = MemberFixture.person(port, tree.token(tree.chamber(), Role.CHAMBER_ADMIN), tree.chamber(), "两会会员", idNumber,
				MemberFixture.phone());
		long again = MemberFixture.person(port, tree.token(secondChamber, Role.CHAMBER_ADMIN), secondChamber, "两会会员", idNumber,
				MemberFixture.phone());
		assertThat(again).as("the same person, a member of both chambers").isEqualTo(twice);
		signIn(countyStaff);
		Long id = sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.county(), "只到一次", "").withoutOrganizations()
			.withMembers(List.of(), List.of(), List.of(), List.of()));

		assertThat(notices.get(id).memberRecipients()).isEqualTo(1);
		Long countedUnder = Math.min(tree.chamber(), secondChamber);
		assertThat(notices.memberTallies(id, PageRequest.of(0, 50)).getContent()).singleElement()
			.satisfies(t -> assertThat(t.orgId()).isEqualTo(countedUnder));
		assertThat(notices.memberReceipts(id, countedUnder, PageRequest.of(0, 50)))
			.extracting(Notices.MemberReceipt::partyId).containsExactly(twice);
		assertThat(notices.memberReceipts(id, Math.max(tree.chamber(), secondChamber), PageRequest.of(0, 50))).isEmpty();
	}

	@Test
	void theAudienceNarrowsByKindRegionAndOneByOneAndMembersByRole() {
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		MemberFixture.person(port, token, tree.chamber(), "普通会员", MemberFixture.identityNumber(), MemberFixture.phone());
		signIn(countyStaff);
		NoticeForm onlyOne = NoticeForm.dataCall(tree.county(), "只给一个", "", null, List.of(secondChamber));
		Long one = sending.send(countyStaff, new NoticeForm(onlyOne.orgId(), NoticeKind.NOTICE, "只给一个", "", null, null, true, null,
				true, List.of(), List.of("CHAMBER"), List.of("INDUSTRY"), "130102", List.of(secondChamber), false, List.of(), List.of(),
				List.of(), List.of()));
		assertThat(notices.orgReceipts(one, false, PageRequest.of(0, 10)).getContent()).extracting(Notices.OrgReceipt::orgId)
			.containsExactly(secondChamber);
		// nobody holds the president's role: nothing to send, and nothing is stored
		long before = jdbc.sql("select count(*) from notice").query(Long.class).single();
		assertThatThrownBy(() -> sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.county(), "会长们", "").withoutOrganizations()
			.withMembers(List.of(), List.of("PRESIDENT"), List.of(), List.of())))
			.hasFieldOrPropertyWithValue("messageKey", "notice.noRecipients");
		assertThat(jdbc.sql("select count(*) from notice").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void badInputIsRefusedOnItsField() {
		LocalDateTime now = LocalDateTime.now(ChinaTime.ZONE);
		assertThatThrownBy(() -> sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.county(), " ", "")))
			.hasFieldOrPropertyWithValue("field", "title");
		assertThatThrownBy(() -> sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.county(), "x".repeat(201), "")))
			.hasFieldOrPropertyWithValue("field", "title");
		assertThatThrownBy(() -> sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.neighbourCounty(), "别人的", "")))
			.hasFieldOrPropertyWithValue("field", "orgId");
		assertThatThrownBy(() -> sending.send(countyStaff, NoticeForm.dataCall(tree.county(), "无截止", "", null, List.of())))
			.hasFieldOrPropertyWithValue("field", "dueAt");
		assertThatThrownBy(() -> sending.send(countyStaff, NoticeForm.dataCall(tree.county(), "截止已过", "", now.minusDays(1), List.of())))
			.hasFieldOrPropertyWithValue("field", "dueAt");
		NoticeForm expired = NoticeForm.toOrganizationsBelow(tree.county(), "过期", "");
		assertThatThrownBy(() -> sending.send(countyStaff, new NoticeForm(expired.orgId(), NoticeKind.NOTICE, "过期", "", now.plusDays(2),
				now.plusDays(1), false, null, true, List.of(), List.of(), List.of(), null, List.of(), false, List.of(), List.of(), List.of(),
				List.of()))).hasFieldOrPropertyWithValue("field", "expiresAt");
		assertThatThrownBy(() -> sending.send(countyStaff, new NoticeForm(expired.orgId(), NoticeKind.NOTICE, "层级", "", null, null,
				false, null, true, List.of("GALAXY"), List.of(), List.of(), null, List.of(), false, List.of(), List.of(), List.of(), List.of())))
			.hasFieldOrPropertyWithValue("field", "orgLevels");
		assertThatThrownBy(() -> sending.send(countyStaff, NoticeForm.dataCall(tree.county(), "模板", "", now.plusDays(3), List.of()),
				List.of(), new NoticeUpload("模板.xlsx", "text/html", "<script>".getBytes())))
			.hasFieldOrPropertyWithValue("field", "template");
		assertThatThrownBy(() -> sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.county(), "大文件", ""),
				List.of(new NoticeUpload("大.pdf", "application/pdf", new byte[NoticeFiles.MAX_BYTES + 1])), null))
			.hasFieldOrPropertyWithValue("field", "attachments");
	}

	@Test
	void theNeighbourSeesNeitherTheNoticeNorItsFilesNorItsBoard() {
		Long id = sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.county(), "邻居看不见", "<p>x</p>"),
				List.of(new NoticeUpload("说明.html", "text/html", "<script>alert(1)</script>".getBytes())), null);
		Long file = jdbc.sql("select id from notice_file where notice_id = :n").param("n", id).query(Long.class).single();
		AccountPrincipal neighbour = tree.account(tree.neighbour(), Role.CHAMBER_ADMIN);
		signIn(tree.account(tree.neighbourCounty(), Role.FEDERATION_ADMIN));
		assertThat(notices.find(id)).isEmpty();
		assertThatThrownBy(() -> notices.orgReceipts(id, false, PageRequest.of(0, 10))).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> reminders.remindUnread(id)).isInstanceOf(RecordNotFoundException.class);
		signIn(neighbour);
		assertThatThrownBy(() -> inbox.openForOrganization(neighbour, id)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> access.download(neighbour, file)).isInstanceOf(RecordNotFoundException.class);
		// the chamber it went to may download it — stored with its type, served as a download (see the web test)
		AccountPrincipal chamber = tree.account(tree.chamber(), Role.STAFF);
		signIn(chamber);
		assertThat(access.download(chamber, file).contentType()).isEqualTo("text/html");
	}

	@Test
	void theUnreadAreRemindedAtMostOnceADay() {
		Long id = sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.county(), "请阅读", ""));
		AccountPrincipal chamberStaff = tree.account(tree.chamber(), Role.STAFF);
		AccountPrincipal secondStaff = tree.account(secondChamber, Role.STAFF);
		jdbc.sql("update user_account set email = :e where id = :id").param("e", "a" + secondStaff.id() + "@example.org")
			.param("id", secondStaff.id()).update();
		jdbc.sql("update user_account set email = :e where id = :id").param("e", "a" + chamberStaff.id() + "@example.org")
			.param("id", chamberStaff.id()).update();
		inbox.openForOrganization(chamberStaff, id);

		NoticeReminders.Reminded first = reminders.remindUnread(id);
		NoticeReminders.Reminded second = reminders.remindUnread(id);
		assertThat(first.organizations()).isEqualTo(1);
		assertThat(second.total()).isZero();
		assertThat(jdbc.sql("select count(*) from notification_outbox where dedup_key like :k").param("k", "notice:" + id + ":remind:%")
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select recipient from notification_outbox where dedup_key like :k").param("k", "notice:" + id + ":remind:%")
			.query(String.class).single()).isEqualTo("a" + secondStaff.id() + "@example.org");
	}

	// stale by the application's clock, which other tests may have moved away from the database's now()
	@Autowired
	java.time.Clock appClock;

	@Test
	void aReminderIsABackgroundJobThatReturnsAtOnceShowsItsProgressAndIsTakenUpAgainAfterAStop() {
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long mailed = MemberFixture.person(port, token, tree.chamber(), "邮件会员", MemberFixture.identityNumber(), MemberFixture.phone());
		long texted = MemberFixture.person(port, token, tree.chamber(), "短信会员", MemberFixture.identityNumber(), MemberFixture.phone());
		assertThat(Api.put(port, "/api/v1/parties/" + mailed + "/email", token, "{\"email\":\"m" + mailed + "@example.org\"}")
			.statusCode()).isLessThan(300);
		signIn(countyStaff);
		Long id = sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.county(), "后台提醒", "")
			.withMembers(List.of(), List.of(), List.of(), List.of()));
		AccountPrincipal chamberStaff = tree.account(tree.chamber(), Role.STAFF);
		jdbc.sql("update user_account set email = :e where id = :id").param("e", "s" + chamberStaff.id() + "@example.org")
			.param("id", chamberStaff.id()).update();

		NoticeReminders.ReminderJob queued = new org.springframework.transaction.support.TransactionTemplate(transactionManager)
			.execute(status -> reminders.request(id, countyStaff));
		assertThat(queued.status()).isEqualTo("QUEUED");
		// polled in this thread: the data scope is the signed-in account's, a thread-local
		org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> reminders.latest(id).orElseThrow().finished());
		NoticeReminders.ReminderJob done = reminders.latest(id).orElseThrow();
		assertThat(done.status()).isEqualTo("DONE");
		assertThat(done.reminded()).isEqualTo(new NoticeReminders.Reminded(2, 2));
		assertThat(jdbc.sql("select channel || ':' || split_part(dedup_key, ':', 5) from notification_outbox where dedup_key like :k")
			.param("k", "notice:" + id + ":remind:%").query(String.class).list())
			.contains("MAIL:party-" + mailed, "SMS:party-" + texted, "MAIL:org-" + tree.chamber() + "-account-" + chamberStaff.id());
		// pressed again the same day: the day's job as it stands, nobody reminded twice
		assertThat(reminders.remindUnread(id).total()).isZero();

		// a job cut short (its chunks so far done, the application stopped) is taken up again from its cursor
		Long other = sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.county(), "中断的提醒", "")
			.withMembers(List.of(), List.of(), List.of(), List.of()));
		Long cut = jdbc.sql("""
				insert into notice_reminder_job (notice_id, day, status, requested_at, heartbeat_at, member_cursor)
				values (:n, :day, 'RUNNING', :stale, :stale, :cursor) returning id
				""").param("stale", java.sql.Timestamp.from(appClock.instant().minusSeconds(600))).param("n", other).param("day", java.time.LocalDate.now(ChinaTime.ZONE)).param("cursor", Math.min(mailed, texted))
			.query(Long.class).single();
		// past the cluster lock: the application's own five-minute task may have just run and still hold it; it may
		// also take the job up first (then this call finds it fresh and leaves it): either way it ends
		reminders.resumeStalledJobs();
		String progress = "select status || ':' || orgs_reminded || ':' || members_reminded from notice_reminder_job where id = :id";
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> jdbc.sql(progress).param("id", cut).query(String.class).single(), state -> !state.startsWith("RUNNING"));
		assertThat(jdbc.sql(progress).param("id", cut).query(String.class).single()).as("both chambers, and only the member after the cursor")
			.isEqualTo("DONE:2:1");
	}

	@Test
	void aNoticeIsCorrectedAndWithdrawnWithAReasonAndItsRecipientsSeeBoth() {
		Long id = sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.county(), "原标题", "<p>原文</p>"));
		AccountPrincipal chamber = tree.account(tree.chamber(), Role.STAFF);
		AccountPrincipal second = tree.account(secondChamber, Role.STAFF);
		inbox.openForOrganization(chamber, id);
		assertThat(inbox.findForOrganization(chamber, id).orElseThrow().changedSinceRead()).isFalse();

		assertThatThrownBy(() -> changes.edit(countyStaff, id, new NoticeEdit(" ", "", null, false)))
			.hasFieldOrPropertyWithValue("field", "title");
		assertThatThrownBy(() -> changes.edit(countyStaff, id, new NoticeEdit("新标题", "", LocalDateTime.now(ChinaTime.ZONE).minusDays(1),
				false))).hasFieldOrPropertyWithValue("field", "expiresAt");
		changes.edit(countyStaff, id, new NoticeEdit("更正后的标题", "<p>更正</p><img src=x onerror=alert(1)>", null, true));
		NoticeView edited = notices.get(id);
		assertThat(edited.title()).isEqualTo("更正后的标题");
		assertThat(edited.bodyHtml()).doesNotContain("onerror").contains("更正");
		assertThat(edited.pinned()).isTrue();
		assertThat(edited.edits()).isEqualTo(1);
		assertThat(edited.orgRecipients()).as("the recipients stay as sent").isEqualTo(2);
		assertThat(jdbc.sql("select changes::text from audit_log where action = 'NOTICE_EDITED' and entity_id = :id")
			.param("id", String.valueOf(id)).query(String.class).single()).contains("原标题", "更正后的标题");
		// who read it before sees it changed since; who has not, simply reads it
		assertThat(inbox.findForOrganization(chamber, id).orElseThrow().changedSinceRead()).isTrue();
		assertThat(inbox.findForOrganization(second, id).orElseThrow().changedSinceRead()).isFalse();

		assertThatThrownBy(() -> changes.withdraw(countyStaff, id, " ")).hasFieldOrPropertyWithValue("field", "reason");
		signIn(tree.account(tree.neighbourCounty(), Role.FEDERATION_ADMIN));
		assertThatThrownBy(() -> changes.withdraw(countyStaff, id, "邻居撤回")).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> changes.edit(countyStaff, id, new NoticeEdit("邻居改", "", null, false)))
			.isInstanceOf(RecordNotFoundException.class);
		signIn(countyStaff);
		assertThat(inbox.unreadForOrganization(second)).isEqualTo(1);
		changes.withdraw(countyStaff, id, "内容有误，另行通知");
		assertThat(notices.get(id).withdrawn()).isTrue();
		InboxItem seen = inbox.findForOrganization(second, id).orElseThrow();
		assertThat(seen.withdrawn()).isTrue();
		assertThat(seen.withdrawReason()).isEqualTo("内容有误，另行通知");
		assertThat(seen.bodyHtml()).as("the body is no longer the recipient's").isEmpty();
		assertThat(inbox.unreadForOrganization(second)).as("a withdrawn notice waits for nobody").isZero();
		assertThat(jdbc.sql("select summary from audit_log where action = 'NOTICE_WITHDRAWN' and entity_id = :id")
			.param("id", String.valueOf(id)).query(String.class).single()).contains("内容有误");
		assertThatThrownBy(() -> changes.edit(countyStaff, id, new NoticeEdit("再改", "", null, false)))
			.hasFieldOrPropertyWithValue("messageKey", "notice.withdrawn.refused");
		assertThatThrownBy(() -> changes.withdraw(countyStaff, id, "再撤")).hasFieldOrPropertyWithValue("messageKey",
				"notice.withdrawn.refused");
		assertThatThrownBy(() -> reminders.remindUnread(id)).hasFieldOrPropertyWithValue("messageKey", "notice.withdrawn.refused");

		// a withdrawn data call takes no more replies
		Long call = sending.send(countyStaff, NoticeForm.dataCall(tree.county(), "撤回的任务", "", LocalDateTime.now(ChinaTime.ZONE).plusDays(3),
				List.of()));
		changes.withdraw(countyStaff, call, "任务取消");
		assertThatThrownBy(() -> dataCalls.reply(second, call, "已报", List.of())).hasFieldOrPropertyWithValue("messageKey",
				"notice.withdrawn.refused");
	}

	@Test
	void aDataCallGetsRepliesOneReturnedAndResubmittedAndMergesTheTemplates() throws Exception {
		LocalDateTime due = LocalDateTime.now(ChinaTime.ZONE).plusDays(5);
		Long id = sending.send(countyStaff, NoticeForm.dataCall(tree.county(), "会员发展统计", "<p>请填写模板</p>", due, List.of()),
				List.of(), new NoticeUpload("统计模板.xlsx", null, workbook(List.of("指标", "数量"), List.of())));
		AccountPrincipal first = tree.account(tree.chamber(), Role.STAFF);
		AccountPrincipal second = tree.account(secondChamber, Role.CHAMBER_ADMIN);
		assertThat(dataCalls.progress(dataCalls.board(id)).notStarted()).isEqualTo(2);

		assertThatThrownBy(() -> dataCalls.reply(first, id, " ", List.of())).hasFieldOrPropertyWithValue("field", "text");
		dataCalls.reply(first, id, "已填", List.of(new NoticeUpload("第一.xlsx", null, workbook(List.of("指标", "数量"),
				List.of(List.of("新会员", "12"), List.of("退会", "1"))))));
		dataCalls.reply(second, id, null, List.of(new NoticeUpload("第二.xlsx", null, workbook(List.of("指标", "数量"),
				List.of(List.of("新会员", "99"))))));
		assertThatThrownBy(() -> dataCalls.reply(first, id, "再报", List.of())).hasFieldOrPropertyWithValue("messageKey",
				"notice.reply.alreadyIn");
		// the neighbour was not asked
		assertThatThrownBy(() -> dataCalls.reply(tree.account(tree.neighbour(), Role.STAFF), id, "我也报", List.of()))
			.isInstanceOf(RecordNotFoundException.class);

		assertThatThrownBy(() -> dataCalls.returnReply(id, secondChamber, "")).hasFieldOrPropertyWithValue("field", "reason");
		jdbc.sql("update user_account set email = :e where id = :id").param("e", "r" + second.id() + "@example.org")
			.param("id", second.id()).update();
		dataCalls.returnReply(id, secondChamber, "数量有误");
		// the organisation hears of the return by mail, once per return
		assertThat(jdbc.sql("select recipient || ' ' || body from notification_outbox where dedup_key = :k")
			.param("k", "notice:" + id + ":returned:" + secondChamber + ":1:account-" + second.id()).query(String.class).single())
			.startsWith("r" + second.id() + "@example.org").contains("数量有误");
		assertThat(dataCalls.ownReply(second, id)).get().satisfies(r -> {
			assertThat(r.status()).isEqualTo(ReplyStatus.RETURNED);
			assertThat(r.returnReason()).isEqualTo("数量有误");
		});
		assertThatThrownBy(() -> dataCalls.returnReply(id, secondChamber, "再退")).isInstanceOf(RuleViolationException.class);
		dataCalls.reply(second, id, "已更正", List.of(new NoticeUpload("第二更正.xlsx", null, workbook(List.of("指标", "数量"),
				List.of(List.of("新会员", "9"))))));
		List<DataCalls.ReplyRow> board = dataCalls.board(id);
		assertThat(board).extracting(DataCalls.ReplyRow::status).containsOnly(ReplyStatus.SUBMITTED);
		assertThat(board).filteredOn(r -> r.orgId().equals(secondChamber)).singleElement().satisfies(r -> {
			assertThat(r.rounds()).isEqualTo(2);
			assertThat(r.files()).extracting(NoticeFiles.Listed::fileName).containsExactly("第二更正.xlsx");
		});

		ByteArrayOutputStream merged = new ByteArrayOutputStream();
		dataCalls.merged(id, "单位名称", merged);
		List<List<String>> rows = DataCalls.read(merged.toByteArray(), new DataFormatter());
		assertThat(rows.get(0)).containsExactly("单位名称", "指标", "数量");
		assertThat(rows.subList(1, rows.size())).containsExactlyInAnyOrder(List.of("长安区通知商会" + tree.tag(), "新会员", "12"),
				List.of("长安区通知商会" + tree.tag(), "退会", "1"), List.of("长安区第二通知商会" + tree.tag(), "新会员", "9"));

		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		dataCalls.zip(id, zip);
		List<String> entries = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				entries.add(entry.getName());
			}
		}
		assertThat(entries).contains("长安区通知商会" + tree.tag() + "/reply.txt", "长安区通知商会" + tree.tag() + "/第一.xlsx",
				"长安区第二通知商会" + tree.tag() + "/第二更正.xlsx", "index.tsv");
	}

	@Test
	void aReplyAfterTheDeadlineIsLate() {
		Long id = sending.send(countyStaff, NoticeForm.dataCall(tree.county(), "逾期", "", LocalDateTime.now(ChinaTime.ZONE).plusDays(1),
				List.of(tree.chamber(), secondChamber)));
		jdbc.sql("update notice set due_at = now() - interval '1 hour', publish_at = now() - interval '2 days' where id = :id")
			.param("id", id).update();
		dataCalls.reply(tree.account(tree.chamber(), Role.STAFF), id, "迟到的报送", List.of());
		assertThat(dataCalls.board(id)).extracting(DataCalls.ReplyRow::status).containsOnly(ReplyStatus.LATE);
	}

	@Test
	void theFiguresNameTheReadRateAndTheRepliesOnTimeByNumeratorAndDenominator() {
		Long notice = sending.send(countyStaff, NoticeForm.toOrganizationsBelow(tree.county(), "统计口径", ""));
		inbox.openForOrganization(tree.account(tree.chamber(), Role.STAFF), notice);
		Long call = sending.send(countyStaff, NoticeForm.dataCall(tree.county(), "按时报送", "", LocalDateTime.now(ChinaTime.ZONE).plusDays(2),
				List.of()));
		dataCalls.reply(tree.account(secondChamber, Role.STAFF), call, "按时", List.of());
		String token = tree.token(tree.county(), Role.STAFF);
		String today = java.time.LocalDate.now(ChinaTime.ZONE).toString();
		String period = "?from=" + today + "&to=" + today;
		var read = org.chamberlink.support.Api.get(port, "/api/v1/organizations/" + tree.county() + "/figures/notice.orgReadRate" + period,
				token);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(read.body()).contains("\"value\":{\"value\":25.00,\"numerator\":{\"key\":\"notice.orgsRead\",\"value\":1},"
				+ "\"denominator\":{\"key\":\"notice.orgRecipients\",\"value\":4}}");
		assertThat(org.chamberlink.support.Api.get(port, "/api/v1/organizations/" + tree.county() + "/figures/notice.onTimeRate" + period,
				token).body()).contains("\"numerator\":{\"key\":\"notice.repliesOnTime\",\"value\":1},"
						+ "\"denominator\":{\"key\":\"notice.replyTargets\",\"value\":2}");
		assertThat(org.chamberlink.support.Api.get(port, "/api/v1/organizations/" + tree.neighbourCounty() + "/figures/notice.sent" + period,
				token).statusCode()).isEqualTo(404);
	}

	static byte[] workbook(List<String> headers, List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxWriter writer = XlsxWriter.open(out, "Sheet1", headers)) {
			rows.forEach(writer::row);
		}
		return out.toByteArray();
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}

package org.chamberlink.publication;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The policy library against the database: Chinese keyword search by bigrams (two characters, more,
 * one), by industry (a division finds its section's policies), region, topic and validity; a
 * member's policies by their enterprise's industry and region; mail to subscribers a new policy
 * applies to; a neighbour's draft answering as nonexistent; the pages and API over HTTP.
 */
@IntegrationTest
@Tag("database")
class PolicyLibraryTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Policies policies;

	@Test
	void searchesForMeSubscriptionsAndScope() {
		PolicyScene scene = new PolicyScene(port, accounts, tokens, jdbc, policies, "政策库");
		String tag = scene.tree.tag();
		Long food = scene.published("关于支持农副食品加工企业融资的若干措施" + tag, "河北省工业和信息化厅", List.of("13"), List.of("C"),
				Set.of(PolicyTopic.FINANCE), "对农副食品加工企业的流动资金贷款给予贴息。", null);
		Long software = scene.published("软件企业增值税即征即退" + tag, "国家税务总局河北省税务局", List.of("13"), List.of("65"),
				Set.of(PolicyTopic.TAX), "软件产品增值税实际税负超过3%的部分即征即退。", null);
		Long qiaoxi = scene.published("桥西区稳岗补贴办法" + tag, "桥西区人力资源和社会保障局", List.of("130104"), List.of(),
				Set.of(PolicyTopic.EMPLOYMENT, PolicyTopic.SUBSIDY), "不裁员或少裁员的企业按上年失业保险费的一定比例返还。", null);
		Long expired = scene.published("农副食品加工业融资担保旧办法" + tag, "河北省财政厅", List.of("13"), List.of("13"),
				Set.of(PolicyTopic.FINANCE), "已废止。", LocalDate.of(2020, 12, 31));

		PolicyScene.as(scene.staff, () -> {
			// two characters (the commonest search), more, one
			assertThat(ids(new PolicyFilter("融资", null, null, null, false))).contains(food, expired).doesNotContain(software, qiaoxi);
			assertThat(ids(new PolicyFilter("即征即退", null, null, null, false))).contains(software).doesNotContain(food);
			assertThat(ids(new PolicyFilter("税", null, null, null, false))).contains(software);
			assertThat(ids(new PolicyFilter("加工企业融资的若干措施" + tag, null, null, null, false))).containsExactly(food);
			// a division finds its section's policies and those for every industry; validity
			assertThat(ids(new PolicyFilter(tag, "13", null, null, false))).containsExactlyInAnyOrder(food, qiaoxi, expired);
			assertThat(ids(new PolicyFilter(tag, "13", null, null, true))).containsExactlyInAnyOrder(food, qiaoxi);
			// a county finds its province's policies, not the neighbour's
			assertThat(ids(new PolicyFilter(tag, null, "130102", null, true))).containsExactlyInAnyOrder(food, software);
			assertThat(ids(new PolicyFilter(tag, null, null, PolicyTopic.SUBSIDY, false))).containsExactly(qiaoxi);
			// refusals name their field
			assertThatThrownBy(() -> policies.create(new PolicyInput(scene.tree.county(), "标题", "机关", null, LocalDate.of(2026, 1, 1),
					null, null, List.of("999999"), List.of(), Set.of(), "全文")))
				.isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("regionCodes"));
			return null;
		});

		// the neighbour's draft: not found for the county, not listed
		Long draft = PolicyScene.as(scene.neighbourStaff, () -> policies.create(new PolicyInput(scene.tree.neighbourCounty(),
				"桥西区政策草稿" + tag, "桥西区工商联", null, LocalDate.of(2026, 2, 1), null, null, List.of(), List.of(), Set.of(), "草稿")));
		PolicyScene.as(scene.staff, () -> {
			assertThatThrownBy(() -> policies.get(draft)).isInstanceOf(RecordNotFoundException.class);
			assertThat(ids(new PolicyFilter(tag, null, null, null, false))).doesNotContain(draft);
			assertThatThrownBy(() -> policies.publish(draft)).isInstanceOf(RecordNotFoundException.class);
			return null;
		});

		// the member: policies for their enterprise's industry (13 → C) and region (130102)
		assertThat(policies.forMember(scene.member)).extracting(PolicyView::id).contains(food).doesNotContain(software, qiaoxi, expired,
				draft);

		// subscribed: a new policy for manufacturing is mailed once, one for software is not
		assertThatThrownBy(() -> policies.subscribe(scene.member, "不是邮箱")).isInstanceOf(RuleViolationException.class);
		policies.subscribe(scene.member, "changzhang@example.com");
		Long newFood = scene.published("食品加工企业技术改造补助" + tag, "石家庄市工业和信息化局", List.of("1301"), List.of("C"),
				Set.of(PolicyTopic.SUBSIDY), "技术改造投资额的10%给予补助。", null);
		Long newSoftware = scene.published("软件企业人才奖励" + tag, "石家庄市科技局", List.of(), List.of("65"), Set.of(PolicyTopic.INNOVATION),
				"奖励。", null);
		assertThat(outbox("policy:" + newFood + ":" + scene.memberParty)).containsExactly("changzhang@example.com");
		assertThat(outbox("policy:" + newSoftware + ":" + scene.memberParty)).isEmpty();

		// over HTTP: the portal lists it for the member; the API refuses and scopes
		WebSession portal = WebSession.signedIn(port, scene.member.getUsername(), TestAccounts.PASSWORD);
		assertThat(portal.get("/portal/policies").body()).contains("关于支持农副食品加工企业融资的若干措施" + tag)
			.doesNotContain("软件企业增值税即征即退" + tag);
		assertThat(portal.get("/portal/policies/" + food).body()).contains("C 制造业");
		assertThat(portal.get("/portal/policies/" + draft).statusCode()).isEqualTo(404);
		HttpResponse<String> badMail = portal.postForm("/portal/policies/subscription", Map.of("email", "x@"));
		assertThat(badMail.statusCode()).isEqualTo(422);
		assertThat(badMail.body()).contains("请填写有效的电子邮箱").contains("value=\"x@\"");
		String token = scene.tree.token(scene.tree.county(), Role.FEDERATION_ADMIN);
		assertThat(Api.get(port, "/api/v1/policies/" + draft, token).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/policies?keyword=" + java.net.URLEncoder.encode("融资的若干措施" + tag, java.nio.charset.StandardCharsets.UTF_8),
				token).body()).contains("关于支持农副食品加工企业融资的若干措施" + tag);
		Refusals.assertApiRefused(Api.post(port, "/api/v1/policies", token, "{\"orgId\":" + scene.tree.county()
				+ ",\"title\":\"标题\",\"issuer\":\"\",\"issuedOn\":\"2026-01-01\",\"body\":\"全文\"}"), "issuer", "发文机关");
		WebSession staff = WebSession.signedIn(port, scene.staff.getUsername(), TestAccounts.PASSWORD);
		assertThat(staff.get("/policies?keyword=" + java.net.URLEncoder.encode("融资", java.nio.charset.StandardCharsets.UTF_8)).body())
			.contains("关于支持农副食品加工企业融资的若干措施" + tag);
		assertThat(staff.get("/policies/" + draft).statusCode()).isEqualTo(404);
		HttpResponse<String> refused = staff.postForm("/policies/new", Map.of("orgId", String.valueOf(scene.tree.county()), "title",
				"企业减负政策", "issuer", "", "issuedOn", "2026-03-01", "body", "全文"));
		Refusals.assertFormKept(refused, "issuer", "发文机关", "企业减负政策");
	}

	private List<Long> ids(PolicyFilter filter) {
		return policies.search(filter).stream().map(PolicyView::id).toList();
	}

	private List<String> outbox(String key) {
		return jdbc.sql("select recipient from notification_outbox where dedup_key = :k").param("k", key).query(String.class).list();
	}

}

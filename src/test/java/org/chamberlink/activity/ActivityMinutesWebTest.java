package org.chamberlink.activity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minutes on their page and over the API: a council meeting's attendance with the quorum rule in
 * words, minutes refused for votes beyond those present (every typed row kept, 422, the message on
 * its field), recorded without quorum and so with no resolution passed; a training's resolution
 * passed; rows added and removed without script; documents and photos uploaded, shown as
 * thumbnails, downloaded; an organisation's own quorum rule; and a neighbour's activity answering
 * as one that does not exist.
 */
@IntegrationTest
@Tag("database")
class ActivityMinutesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext beans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivityRules rules;

	ActivityScene scene;

	WebSession clerk;

	@BeforeEach
	void plant() {
		scene = ActivityScene.plant(beans, port, "纪要");
		clerk = WebSession.signedIn(port, scene.countyStaff.getUsername(), TestAccounts.PASSWORD);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCouncilMeetingSaysItsQuorumInWordsRefusesVotesBeyondThosePresentAndIsRecordedWithoutQuorum() {
		String path = "/activities/" + scene.council + "/minutes";
		String page = clerk.get(path).body();
		assertThat(page).contains("data-testid=\"eligible\">3<", "data-testid=\"present\">1<", "未达到",
				"出席人数须超过应到人数的三分之二（即至少 3 人），决议须经超过到会人数的二分之一同意方为通过");

		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("summary", "审议年度工作报告，增补理事。");
		typed.put("resolutions[0].text", "通过年度工作报告");
		typed.put("resolutions[0].votesFor", "2");
		typed.put("resolutions[0].votesAgainst", "0");
		typed.put("resolutions[0].votesAbstain", "0");
		typed.put("resolutions[1].text", "增补张三为理事");
		typed.put("resolutions[1].votesFor", "1");
		typed.put("resolutions[1].votesAgainst", "");
		typed.put("resolutions[1].votesAbstain", "");
		HttpResponse<String> refused = clerk.postForm(path, typed);
		Refusals.assertStepRefused(refused, "resolutions[0].votesFor", "表决票数合计 2 超过到会人数 1", "审议年度工作报告，增补理事。",
				"通过年度工作报告", "增补张三为理事");
		assertThat(refused.body()).contains("name=\"resolutions[1].votesFor\" value=\"1\"");
		assertThat(rows(refused.body())).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from activity_minutes where activity_id = :id").param("id", scene.council)
			.query(Long.class).single()).isZero();

		// a row added and one taken away: the form again, nothing saved, nothing refused
		HttpResponse<String> added = clerk.postForm(path, with(typed, "addRow", "1"));
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(rows(added.body())).isEqualTo(3);
		HttpResponse<String> removed = clerk.postForm(path, with(typed, "removeRow", "1"));
		assertThat(rows(removed.body())).isEqualTo(1);
		assertThat(removed.body()).contains("通过年度工作报告").doesNotContain("增补张三为理事");

		typed.put("resolutions[0].votesFor", "1");
		HttpResponse<String> saved = clerk.postForm(path, typed);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(clerk.location(saved)).isEqualTo(path);
		String recorded = clerk.get(path).body();
		assertThat(recorded).contains("data-testid=\"no-quorum\"", "未达法定人数，决议无效", "应到 3 人，实到 1 人。");
		assertThat(outcomes(recorded)).containsExactly("未通过", "未通过");
	}

	@Test
	void aTrainingsResolutionPassesWithMoreThanHalfOfThosePresentAndATypedLetterIsAFieldError() {
		String path = "/activities/" + scene.training + "/minutes";
		assertThat(clerk.get(path).body()).contains("data-testid=\"present\">4<").doesNotContain("data-testid=\"eligible\"");

		Map<String, String> letters = new LinkedHashMap<>();
		letters.put("summary", "培训民法典合同编。");
		letters.put("resolutions[0].text", "每季度举办一次培训");
		letters.put("resolutions[0].votesFor", "三");
		Refusals.assertStepRefused(clerk.postForm(path, letters), "resolutions[0].votesFor", "赞成票数须为不小于 0 的整数",
				"每季度举办一次培训");

		Map<String, String> typed = new LinkedHashMap<>(letters);
		typed.put("resolutions[0].votesFor", "3");
		typed.put("resolutions[0].votesAgainst", "1");
		// an empty row is no resolution
		typed.put("resolutions[1].text", "");
		assertThat(clerk.postForm(path, typed).statusCode()).isEqualTo(302);
		String recorded = clerk.get(path).body();
		assertThat(recorded).doesNotContain("data-testid=\"no-quorum\"").contains("培训民法典合同编。");
		assertThat(outcomes(recorded)).containsExactly("通过");
	}

	@Test
	void handMadeRowsAreRefusedOrDroppedNeverAFailure() {
		String path = "/activities/" + scene.training + "/minutes";
		// a row far beyond any the page draws, a gap in the rows, a vote too large for a number
		Map<String, String> far = new LinkedHashMap<>();
		far.put("summary", "纪要");
		far.put("resolutions[300].text", "远处的决议");
		assertThat(clerk.postForm(path, far).statusCode()).isEqualTo(400);
		Map<String, String> gap = new LinkedHashMap<>();
		gap.put("summary", "纪要");
		gap.put("resolutions[2].text", "第三项");
		gap.put("resolutions[2].votesFor", "99999999999");
		HttpResponse<String> refused = clerk.postForm(path, gap);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("第三项");
		assertThat(clerk.postForm(path, Map.of("summary", "纪要", "removeRow", "x")).statusCode()).isEqualTo(400);
		assertThat(clerk.postForm(path, Map.of("summary", "纪要", "removeRow", "7")).statusCode()).isEqualTo(200);
	}

	@Test
	void photosAreShownAsThumbnailsAndDocumentsAreDownloaded() throws IOException {
		String base = "/activities/" + scene.training;
		byte[] png = png(800, 600);
		HttpResponse<String> photo = clerk.postFile(base + "/files", "合影.png", png, Map.of("purpose", "PHOTO"));
		assertThat(photo.statusCode()).as(photo.body()).isEqualTo(302);
		byte[] agenda = "议程：一、开幕；二、授课。".getBytes(StandardCharsets.UTF_8);
		assertThat(clerk.postFile(base + "/files", "议程.txt", agenda, Map.of("purpose", "DOCUMENT")).statusCode()).isEqualTo(302);

		String page = clerk.get(base + "/minutes").body();
		Long photoId = fileId(page, "/thumbnail");
		assertThat(page).contains("议程.txt", "合影.png");
		HttpResponse<String> thumbnail = clerk.get(base + "/files/" + photoId + "/thumbnail");
		assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		BufferedImage small = ImageIO.read(new java.io.ByteArrayInputStream(clerk.download(base + "/files/" + photoId + "/thumbnail")));
		assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(320);
		HttpResponse<String> original = clerk.get(base + "/files/" + photoId);
		assertThat(original.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(original.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
		assertThat(clerk.download(base + "/files/" + photoId)).isEqualTo(png);

		Long documentId = jdbc.sql("select id from activity_file where activity_id = :a and purpose = 'DOCUMENT'")
			.param("a", scene.training).query(Long.class).single();
		HttpResponse<String> document = clerk.get(base + "/files/" + documentId);
		assertThat(document.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
		assertThat(clerk.download(base + "/files/" + documentId)).isEqualTo(agenda);
		// a document has no thumbnail
		assertThat(clerk.get(base + "/files/" + documentId + "/thumbnail").statusCode()).isEqualTo(404);

		// a text called a photo is refused on the file field, nothing stored
		HttpResponse<String> fake = clerk.postFile(base + "/files", "照片.jpg", agenda, Map.of("purpose", "PHOTO"));
		assertThat(fake.statusCode()).isEqualTo(422);
		assertThat(Refusals.fieldMessage(fake.body(), "file")).contains("“照片.jpg”不是 JPG、PNG、GIF 或 WebP 格式的图片");
		assertThat(fake.body()).contains("data-testid=\"form-errors\"");
		assertThat(jdbc.sql("select count(*) from activity_file where activity_id = :a").param("a", scene.training)
			.query(Long.class).single()).isEqualTo(2);

		assertThat(clerk.postForm(base + "/files/" + documentId + "/remove", Map.of()).statusCode()).isEqualTo(302);
		assertThat(clerk.get(base + "/minutes").body()).doesNotContain("议程.txt");
	}

	@Test
	void aNeighboursActivityItsMinutesAndFilesAnswerAsOnesThatDoNotExist() {
		WebSession neighbour = WebSession.signedIn(port, scene.neighbourStaff.getUsername(), TestAccounts.PASSWORD);
		assertThat(clerk.postFile("/activities/" + scene.training + "/files", "议程.txt", "议程".getBytes(StandardCharsets.UTF_8),
				Map.of("purpose", "DOCUMENT")).statusCode()).isEqualTo(302);
		Long file = jdbc.sql("select id from activity_file where activity_id = :a").param("a", scene.training).query(Long.class)
			.single();

		HttpResponse<String> outside = neighbour.get("/activities/" + scene.training + "/minutes");
		HttpResponse<String> nowhere = neighbour.get("/activities/999999999/minutes");
		assertThat(outside.statusCode()).isEqualTo(404);
		assertThat(nowhere.statusCode()).isEqualTo(404);
		assertThat(neighbour.get("/activities/" + scene.training + "/files/" + file).statusCode()).isEqualTo(404);
		assertThat(neighbour.get("/activities/" + scene.training + "/files/" + file + "/thumbnail").statusCode()).isEqualTo(404);
		assertThat(neighbour.postForm("/activities/" + scene.training + "/minutes", Map.of("summary", "越界")).statusCode())
			.isEqualTo(404);
		assertThat(neighbour.postFile("/activities/" + scene.training + "/files", "x.txt", new byte[] { 1 },
				Map.of("purpose", "DOCUMENT")).statusCode()).isEqualTo(404);
		assertThat(neighbour.postForm("/activities/" + scene.training + "/files/" + file + "/remove", Map.of()).statusCode())
			.isEqualTo(404);
		// and another activity's file id under one's own activity is none either
		assertThat(clerk.get("/activities/" + scene.council + "/files/" + file).statusCode()).isEqualTo(404);

		String neighbourToken = scene.tree.token(scene.tree.neighbourCounty(), Role.STAFF);
		assertThat(Api.get(port, "/api/v1/activities/" + scene.training + "/minutes", neighbourToken).statusCode()).isEqualTo(404);
		assertThat(Api.put(port, "/api/v1/activities/" + scene.training + "/minutes", neighbourToken, "{\"summary\":\"越界\"}")
			.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from activity_minutes where activity_id = :id").param("id", scene.training)
			.query(Long.class).single()).isZero();
	}

	@Test
	void theApiAnswersTheAttendanceAndRecordsMinutesRefusingOnTheirField() {
		String path = "/api/v1/activities/" + scene.council + "/minutes";
		String before = Api.get(port, path, scene.countyToken).body();
		assertThat(before).contains("\"attendance\":{\"governance\":true,\"eligible\":3,\"present\":1,"
				+ "\"rule\":{\"quorumNumerator\":2,\"quorumDenominator\":3,\"passNumerator\":1,\"passDenominator\":2},\"quorumMet\":false}",
				"\"minutes\":null");

		Refusals.assertApiRefused(Api.put(port, path, scene.countyToken,
				"{\"summary\":\"审议年度工作报告。\",\"resolutions\":[{\"text\":\"通过年度工作报告\",\"votesFor\":1},"
						+ "{\"text\":\"增补理事\",\"votesFor\":1,\"votesAgainst\":1}]}"),
				"resolutions[1].votesFor", "表决票数合计 2 超过到会人数 1");
		Refusals.assertApiRefused(Api.put(port, path, scene.countyToken, "{\"summary\":\" \"}"), "summary", "纪要内容");
		Refusals.assertApiRefused(Api.put(port, "/api/v1/activities/" + scene.cancelled + "/minutes", scene.countyToken,
				"{\"summary\":\"未举办\"}"), "summary", "活动举办后才能记录纪要");

		HttpResponse<String> saved = Api.put(port, path, scene.countyToken,
				"{\"summary\":\"审议年度工作报告。\",\"resolutions\":[{\"text\":\"通过年度工作报告\",\"votesFor\":1}]}");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(Json.<Boolean>read(saved.body(), "$.minutes.quorumMet")).isFalse();
		assertThat(Json.<List<Boolean>>read(saved.body(), "$.minutes.resolutions[*].passed")).containsExactly(false);
		assertThat(Json.number(saved.body(), "$.minutes.eligible")).isEqualTo(3);

		String training = Api.get(port, "/api/v1/activities/" + scene.training + "/minutes", scene.countyToken).body();
		assertThat(training).contains("\"attendance\":{\"governance\":false,\"eligible\":null,\"present\":4,\"rule\":null,\"quorumMet\":null}");
	}

	@Test
	void anAdministratorSetsTheOrganisationsRuleWhichTheMinutesPageThenSays() {
		AccountPrincipal admin = scene.tree.account(scene.tree.chamber(), Role.CHAMBER_ADMIN);
		WebSession session = WebSession.signedIn(port, admin.getUsername(), TestAccounts.PASSWORD);
		assertThat(session.get("/activities/settings").body()).contains("现行规则：出席人数须超过应到人数的三分之二，决议须经超过到会人数的二分之一同意",
				"这是默认规则");

		Map<String, String> wrong = new LinkedHashMap<>();
		wrong.put("quorumNumerator", "4");
		wrong.put("quorumDenominator", "3");
		wrong.put("passNumerator", "1");
		wrong.put("passDenominator", "2");
		Refusals.assertFormKept(session.postForm("/activities/settings", wrong), "quorumNumerator", "议事规则无效", "4", "3");
		Map<String, String> letters = new LinkedHashMap<>(wrong);
		letters.put("passDenominator", "半");
		Refusals.assertFormKept(session.postForm("/activities/settings", letters), "passDenominator", "通过比例（分母）");

		Map<String, String> threeQuarters = new LinkedHashMap<>(wrong);
		threeQuarters.put("quorumNumerator", "3");
		threeQuarters.put("quorumDenominator", "4");
		assertThat(session.postForm("/activities/settings", threeQuarters).statusCode()).isEqualTo(302);
		assertThat(rules.of(scene.tree.chamber())).isEqualTo(new QuorumRule(3, 4, 1, 2));
		assertThat(session.get("/activities/settings").body()).contains("四分之三", "默认规则：出席超过应到人数的三分之二");
		// three of three who may attend must come: more than three quarters
		assertThat(clerk.get("/activities/" + scene.council + "/minutes").body()).contains("应到人数的四分之三（即至少 3 人）");

		// staff keep the minutes but do not set the statute's rule
		assertThat(clerk.get("/activities/settings").statusCode()).isEqualTo(403);
	}

	private static Map<String, String> with(Map<String, String> fields, String name, String value) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put(name, value);
		return all;
	}

	private static int rows(String html) {
		return html.split("data-testid=\"resolution-row\"", -1).length - 1;
	}

	private static List<String> outcomes(String html) {
		Matcher matcher = Pattern.compile("data-testid=\"resolution-outcome\"[^>]*>([^<]*)<").matcher(html);
		List<String> found = new java.util.ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static Long fileId(String html, String suffix) {
		Matcher matcher = Pattern.compile("/files/(\\d+)" + Pattern.quote(suffix)).matcher(html);
		assertThat(matcher.find()).as("a file link ending " + suffix).isTrue();
		return Long.valueOf(matcher.group(1));
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		java.awt.Graphics2D g = image.createGraphics();
		g.setColor(java.awt.Color.ORANGE);
		g.fillRect(0, 0, width / 2, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}

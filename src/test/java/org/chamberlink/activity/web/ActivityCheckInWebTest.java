package org.chamberlink.activity.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chamberlink.activity.ActivityCheckIns;
import org.chamberlink.activity.ActivityPlanning;
import org.chamberlink.activity.ActivityRegistrations;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check-in page a QR code opens, and the material staff print for the door: a refused code
 * (forged, another activity's, too early, an id that does not exist) says why on the page; a guest
 * checks in by name and phone (a bad one is drawn again as typed, 422); a member signs in, comes
 * back and checks in with one tap, twice harmlessly; the poster's QR code opens the page; the paper
 * sign-in sheet lists those registered; a neighbour's activity is not found.
 */
@IntegrationTest
@Tag("database")
class ActivityCheckInWebTest {

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
	ActivityCheckIns checkIns;

	@Autowired
	ActivityRegistrations registrations;

	ActivityScene scene;

	@BeforeEach
	void scene() {
		scene = new ActivityScene(port, new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("签到页"), planning,
				accountManagement, jdbc);
	}

	@Test
	void aRefusedCodeSaysWhyOnThePage() {
		Long open = scene.training("今日培训", ActivityScene.now().plusMinutes(30), null);
		Long later = scene.training("晚间培训", ActivityScene.now().plusHours(5), null);
		String laterCode = code(later);
		WebSession phone = new WebSession(port);

		assertRefused(phone.get("/checkin/" + open + "?code=" + open + ".forged0signature"), "签到码无效");
		assertRefused(phone.get("/checkin/" + open), "签到码无效");
		assertRefused(phone.get("/checkin/" + open + "?code=" + laterCode), "另一个活动的签到码");
		assertRefused(phone.get("/checkin/" + later + "?code=" + laterCode), "签到尚未开始，开始时间为 ");
		// an id that does not exist is a forged code, not a 404 that tells ids apart
		assertRefused(phone.get("/checkin/" + Long.MAX_VALUE + "?code=" + Long.MAX_VALUE + ".x"), "签到码无效");
		// nothing of the activity is shown with a refused code
		assertThat(phone.get("/checkin/" + later + "?code=" + laterCode).body()).doesNotContain("晚间培训");
	}

	@Test
	void aGuestChecksInByNameAndPhoneAndABadOneIsDrawnAgainAsTyped() {
		Long open = scene.training("企业家沙龙", ActivityScene.now().plusMinutes(20), null);
		String page = "/checkin/" + open + "?code=" + code(open);
		WebSession guest = new WebSession(port);
		String form = guest.get(page).body();
		assertThat(form).contains("企业家沙龙", "长安区会议中心", "会员登录后签到", "来宾签到", "name=\"_csrf\"");

		HttpResponse<String> noName = guest.postForm("/checkin/" + open + "/guest?code=" + code(open),
				Map.of("guestName", "", "guestPhone", "13912345678"));
		Refusals.assertFormKept(noName, "guestName", "来宾姓名", "13912345678");
		HttpResponse<String> badPhone = guest.postForm("/checkin/" + open + "/guest?code=" + code(open),
				Map.of("guestName", "孙来宾", "guestPhone", "12345"));
		Refusals.assertFormKept(badPhone, "guestPhone", "请填写来宾的 11 位手机号", "孙来宾", "12345");
		assertThat(jdbc.sql("select count(*) from activity_attendee where activity_id = :a").param("a", open).query(Long.class)
			.single()).isZero();

		HttpResponse<String> done = guest.postForm("/checkin/" + open + "/guest?code=" + code(open),
				Map.of("guestName", "孙来宾", "guestPhone", "139 1234 5678"));
		assertThat(guest.location(done)).isEqualTo(page);
		assertThat(guest.get(page).body()).containsPattern("签到成功 \\d\\d:\\d\\d");
		HttpResponse<String> again = guest.postForm("/checkin/" + open + "/guest?code=" + code(open),
				Map.of("guestName", "孙来宾", "guestPhone", "13912345678"));
		assertThat(guest.get(guest.location(again)).body()).containsPattern("已于 \\d\\d:\\d\\d 签到");
		assertThat(jdbc.sql("select count(*) from activity_attendee where activity_id = :a and checked_in_at is not null")
			.param("a", open).query(Long.class).single()).isEqualTo(1);

		// without the CSRF token the form is refused
		assertThat(new WebSession(port).postFormWithoutCsrf("/checkin/" + open + "/guest?code=" + code(open),
				Map.of("guestName", "无令牌", "guestPhone", "13912340001")).statusCode()).isEqualTo(403);
	}

	@Test
	void aMemberSignsInComesBackAndChecksInWithOneTapTwiceHarmlessly() {
		Long open = scene.training("会员沙龙", ActivityScene.now().plusMinutes(40), null);
		String code = code(open);
		String page = "/checkin/" + open + "?code=" + code;
		AccountPrincipal account = scene.member(scene.person("吴会员"));

		// not signed in: the one-tap check-in asks for the sign-in, and the sign-in leads back to the page
		WebSession phone = new WebSession(port);
		phone.get(page);
		HttpResponse<String> anonymousTap = phone.postForm("/checkin/" + open + "?code=" + code, Map.of());
		assertThat(anonymousTap.statusCode()).isEqualTo(302);
		assertThat(phone.location(anonymousTap)).endsWith("/login");
		HttpResponse<String> signIn = phone.get("/checkin/" + open + "/sign-in?code=" + code);
		assertThat(phone.location(signIn)).endsWith("/login");
		HttpResponse<String> signedIn = phone.login(account.getUsername(), TestAccounts.PASSWORD);
		String back = phone.location(signedIn);
		assertThat(back).contains("/checkin/" + open + "/sign-in?code=" + code);
		HttpResponse<String> toPage = phone.get(back);
		assertThat(phone.location(toPage)).isEqualTo(page);
		String tapPage = phone.get(page).body();
		assertThat(tapPage).contains("会员沙龙", "data-testid=\"check-in\"").doesNotContain("guest-form");

		HttpResponse<String> tap = phone.postForm("/checkin/" + open + "?code=" + code, Map.of());
		assertThat(phone.location(tap)).isEqualTo(page);
		assertThat(phone.get(page).body()).containsPattern("签到成功 \\d\\d:\\d\\d");
		// reloaded, the page says when; a second tap says the same
		assertThat(phone.get(page).body()).containsPattern("已于 \\d\\d:\\d\\d 签到").doesNotContain("data-testid=\"check-in\"");
		HttpResponse<String> secondTap = phone.postForm("/checkin/" + open + "?code=" + code, Map.of());
		assertThat(phone.get(phone.location(secondTap)).body()).containsPattern("已于 \\d\\d:\\d\\d 签到");
		assertThat(jdbc.sql("select count(*) from activity_attendee where activity_id = :a and checked_in_at is not null")
			.param("a", open).query(Long.class).single()).isEqualTo(1);

		// a member outside the audience (the neighbour's chamber) is refused with the message
		Long neighbours = scene.neighbours("桥西区沙龙", ActivityScene.now().plusMinutes(30));
		String neighboursCode = ActivityScene.as(scene.tree.account(scene.tree.neighbourCounty(), Role.STAFF),
				() -> checkIns.code(neighbours));
		HttpResponse<String> outside = phone.postForm("/checkin/" + neighbours + "?code=" + neighboursCode, Map.of());
		assertThat(outside.statusCode()).isEqualTo(422);
		assertThat(outside.body()).contains("您不在本活动的参加范围内");
	}

	@Test
	void thePagesScriptTapsForJsonAndIsAnsweredInPlace() {
		Long open = scene.training("会员茶叙", ActivityScene.now().plusMinutes(30), null);
		String code = code(open);
		AccountPrincipal account = scene.member(scene.person("郑会员"));
		WebSession phone = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		phone.get("/checkin/" + open + "?code=" + code);

		HttpResponse<String> tap = phone.postFormForJson("/checkin/" + open + "?code=" + code, Map.of());
		assertThat(tap.statusCode()).isEqualTo(200);
		assertThat(tap.headers().firstValue("Location")).isEmpty();
		assertThat((Boolean) Json.read(tap.body(), "already")).isFalse();
		assertThat((String) Json.read(tap.body(), "outcome")).matches("签到成功 \\d\\d:\\d\\d");
		HttpResponse<String> again = phone.postFormForJson("/checkin/" + open + "?code=" + code, Map.of());
		assertThat((Boolean) Json.read(again.body(), "already")).isTrue();
		assertThat((String) Json.read(again.body(), "outcome")).isEqualTo("已于 " + Json.read(tap.body(), "at") + " 签到");
		assertThat(jdbc.sql("select count(*) from activity_attendee where activity_id = :a and checked_in_at is not null")
			.param("a", open).query(Long.class).single()).isEqualTo(1);

		// a forged code: a problem detail naming the code, nothing written
		HttpResponse<String> forged = phone.postFormForJson("/checkin/" + open + "?code=" + open + ".forged", Map.of());
		assertThat(forged.statusCode()).isEqualTo(422);
		assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat((String) Json.read(forged.body(), "detail")).contains("签到码无效");
		assertThat((String) Json.read(forged.body(), "errors[0].field")).isEqualTo("code");

		// a guest the same way; a missing name is refused on its field, nothing written
		WebSession guest = new WebSession(port);
		guest.get("/checkin/" + open + "?code=" + code);
		HttpResponse<String> noName = guest.postFormForJson("/checkin/" + open + "/guest?code=" + code,
				Map.of("guestName", "", "guestPhone", "13912345600"));
		assertThat(noName.statusCode()).isEqualTo(422);
		assertThat((String) Json.read(noName.body(), "errors[0].field")).isEqualTo("guestName");
		HttpResponse<String> guestTap = guest.postFormForJson("/checkin/" + open + "/guest?code=" + code,
				Map.of("guestName", "钱来宾", "guestPhone", "13912345600"));
		assertThat((String) Json.read(guestTap.body(), "outcome")).matches("签到成功 \\d\\d:\\d\\d");
		assertThat(jdbc.sql("select count(*) from activity_attendee where activity_id = :a and checked_in_at is not null")
			.param("a", open).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void thePostersQrCodeOpensTheCheckInPageAndTheSheetListsThoseRegistered() throws Exception {
		Long training = scene.training("安全生产培训", ActivityScene.now().plusDays(1), null);
		long zhou = scene.person("周签名");
		long company = scene.enterprise("恒达建材有限公司");
		ActivityScene.as(scene.staff, () -> {
			registrations.register(training, membership(zhou));
			registrations.register(training, membership(company));
			return registrations.registerGuest(training, "郑来宾", "13812345678");
		});
		WebSession staff = scene.web(scene.tree.account(scene.tree.county(), Role.AUDITOR));

		String poster = staff.get("/activities/" + training + "/check-in-poster").body();
		String url = "http://localhost:" + port + "/checkin/" + training + "?code=" + code(training);
		assertThat(poster).contains("安全生产培训", "长安区会议中心", "请用手机扫码签到", url);
		byte[] png = staff.download("/activities/" + training + "/check-in-qr.png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		assertThat(new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText()).isEqualTo(url);

		HttpResponse<String> pdfResponse = staff.get("/activities/" + training + "/sign-in-sheet.pdf");
		assertThat(pdfResponse.statusCode()).isEqualTo(200);
		assertThat(pdfResponse.headers().firstValue("Content-Type")).hasValue("application/pdf");
		byte[] pdf = staff.download("/activities/" + training + "/sign-in-sheet.pdf");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			// the tag's middle dot (as in 阿依古丽·买买提), which the font lacks, is drawn as one it has, read back as "·"
			String tag = scene.tree.tag();
			assertThat(text).contains("安全生产培训", "签到表", "序号", "姓名/名称", "所属组织", "签名", "周签名",
					"恒达建材有限公司" + tag, "郑来宾", "来宾", "长安区签到页商会" + tag, "主办：长安区工商联" + tag, "第 1 页")
				.doesNotContain("□");
			// three registered and ten blank rows, numbered on
			assertThat(text).contains("13");
		}
	}

	@Test
	void aNeighboursActivityIsNotFoundLikeOneThatDoesNotExist() {
		Long neighbours = scene.neighbours("桥西区论坛", ActivityScene.now().plusDays(2));
		WebSession staff = scene.web(scene.staff);
		for (String path : new String[] { "/check-in-poster", "/check-in-qr.png", "/sign-in-sheet.pdf" }) {
			HttpResponse<String> neighbour = staff.get("/activities/" + neighbours + path);
			HttpResponse<String> nobody = staff.get("/activities/" + Long.MAX_VALUE + path);
			assertThat(neighbour.statusCode()).as(path).isEqualTo(404);
			assertThat(nobody.statusCode()).as(path).isEqualTo(404);
			assertThat(neighbour.body()).doesNotContain("桥西区论坛");
		}
		// a member has no poster
		WebSession member = scene.web(scene.member(scene.person("孙会员")));
		Long own = scene.training("本区论坛", ActivityScene.now().plusDays(2), null);
		assertThat(member.get("/activities/" + own + "/check-in-poster").statusCode()).isEqualTo(403);
	}

	private void assertRefused(HttpResponse<String> page, String message) {
		assertThat(page.statusCode()).as(page.body()).isEqualTo(422);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("无法签到", message).doesNotContain("guest-form", "data-testid=\"check-in\"");
	}

	private String code(Long activity) {
		return ActivityScene.as(scene.staff, () -> checkIns.code(activity));
	}

	private long membership(long party) {
		return jdbc.sql("select membership_id from published_membership where party_id = :p").param("p", party).query(Long.class)
			.single();
	}

}

package org.chamberlink.activity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Locator;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minutes page, the ledger and the figures on a 375 px phone: nothing scrolls sideways, the
 * ledger's rows are stacked cards, a resolution row is added with the form's button and votes
 * beyond those present are refused on their field with the typed rows kept. Screenshots in
 * target/screenshots.
 */
@IntegrationTest
class ActivityRecordsBrowserTest extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	ActivityMinutes minutes;

	@Autowired
	ActivityFiles files;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theMinutesAndTheLedgerFitAPhone() throws IOException {
		ActivityScene scene = ActivityScene.plant(beans, port, "手机纪要");
		minutes.record(scene.training, "培训民法典合同编，讲解常见合同纠纷。", List.of(Resolution.of("每季度举办一次法律培训", 3, 1, 0)));
		files.add(scene.training, ActivityFiles.Purpose.PHOTO, List.of(new ActivityFiles.Upload("培训现场.png", "image/png", png()),
				new ActivityFiles.Upload("合影.png", "image/png", png())));
		files.add(scene.training, ActivityFiles.Purpose.DOCUMENT,
				List.of(new ActivityFiles.Upload("民法典培训课件（合同编）.pdf", "application/pdf", new byte[] { 1, 2, 3 })));

		phone();
		signIn(scene.countyStaff.getUsername(), TestAccounts.PASSWORD);
		int year = scene.day().getYear();
		for (String path : List.of("/activities/" + scene.training + "/minutes", "/activities/" + scene.council + "/minutes",
				"/activities/ledger?orgId=" + scene.tree.chamber() + "&year=" + year, "/activities/ledger?year=" + year,
				"/activities/ledger/print?orgId=" + scene.tree.county() + "&year=" + year,
				"/figures/activities?org=" + scene.tree.county() + "&from=" + scene.day() + "&to=" + scene.day())) {
			page.navigate(url(path));
			assertThat(page.locator("main")).isVisible();
			screenshot("375-activity-" + path.replaceAll("\\d{3,}", "n").replaceAll("\\W+", "-"));
			assertThat(overflow()).as(path + " scrolls sideways at 375 px").isLessThanOrEqualTo(0);
		}

		page.navigate(url("/activities/ledger?orgId=" + scene.tree.chamber() + "&year=" + year));
		Locator minutesCell = page.locator("[data-testid=ledger] tbody tr td[data-label=纪要]").first();
		assertThat(minutesCell).isVisible();
		assertThat(minutesCell.evaluate("td => getComputedStyle(td).display")).isEqualTo("block");
		assertThat(page.locator("[data-testid=ledger] thead")).isHidden();

		page.navigate(url("/activities/" + scene.training + "/minutes"));
		assertThat(page.locator("[data-testid=photos] img")).hasCount(2);
		assertThat(page.locator("[data-testid=resolution-outcome]")).hasText("通过");

		// the council meeting: a second row with the form's own button, then votes beyond the one present
		page.navigate(url("/activities/" + scene.council + "/minutes"));
		assertThat(page.locator("[data-testid=quorum-rule]")).containsText("三分之二");
		page.locator("#summary").fill("审议年度工作报告。");
		page.locator("[name='resolutions[0].text']").fill("通过年度工作报告");
		page.locator("[name='resolutions[0].votesFor']").fill("1");
		page.locator("[data-testid=add-row]").click();
		assertThat(page.locator("[data-testid=resolution-row]")).hasCount(2);
		assertThat(page.locator("[name='resolutions[0].text']")).hasValue("通过年度工作报告");
		page.locator("[name='resolutions[1].text']").fill("增补理事");
		page.locator("[name='resolutions[1].votesFor']").fill("1");
		page.locator("[name='resolutions[1].votesAgainst']").fill("1");
		page.locator("[data-testid=save-minutes]").click();
		assertThat(page.locator("[data-field-error='resolutions[1].votesFor']")).containsText("超过到会人数 1");
		assertThat(page.locator("[name='resolutions[0].text']")).hasValue("通过年度工作报告");
		assertThat(page.locator("[name='resolutions[1].text']")).hasValue("增补理事");
		screenshot("375-activity-minutes-refused");
		assertThat(overflow()).isLessThanOrEqualTo(0);
		page.locator("[name='resolutions[1].votesAgainst']").fill("0");
		page.locator("[name='resolutions[1].votesFor']").fill("0");
		page.locator("[data-testid=save-minutes]").click();
		assertThat(page.locator("[data-testid=no-quorum]")).containsText("未达法定人数，决议无效");
		screenshot("375-activity-minutes-no-quorum");
	}

	private int overflow() {
		return ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = image.createGraphics();
		g.setColor(new java.awt.Color(60, 120, 200));
		g.fillRect(0, 0, 1200, 800);
		g.setColor(java.awt.Color.WHITE);
		g.fillOval(300, 150, 600, 500);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}

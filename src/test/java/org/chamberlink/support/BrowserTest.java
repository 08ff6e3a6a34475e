package org.chamberlink.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives Debian's Chromium ({@code /usr/bin/chromium}, never a downloaded browser) against the
 * running application. Screenshots go to {@code target/screenshots/}.
 */
@Tag("browser")
public abstract class BrowserTest {

	static final String CHROMIUM = System.getProperty("chromium.path", "/usr/bin/chromium");

	static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	protected int port;

	protected BrowserContext context;

	protected Page page;

	@BeforeAll
	static void launch() {
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(CHROMIUM))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openPage() {
		context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 860));
		page = context.newPage();
		// A busy two-core machine renders a large page (Swagger UI, a 500-row list) in seconds, not
		// milliseconds: actions and assertions wait for their condition up to 30 s instead of the
		// 5-second assertion default, which failed on a fresh machine while the content was still coming.
		page.setDefaultTimeout(30_000);
		page.setDefaultNavigationTimeout(60_000);
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
	}

	@AfterEach
	void closePage() {
		context.close();
	}

	/** The shared browser, for a test that needs a second user's window (a new context). */
	protected static Browser browser() {
		return browser;
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected void screenshot(String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", name + ".png"))
			.setFullPage(true));
	}

	protected void signIn(String username, String password) {
		page.navigate(url("/login"));
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("button[type=submit]").click();
	}

	/** Signs in with an initial password and sets a new one, as the first sign-in requires. */
	protected void signInFirstTime(String username, String initialPassword, String newPassword) {
		signIn(username, initialPassword);
		page.locator("#currentPassword").fill(initialPassword);
		page.locator("#newPassword").fill(newPassword);
		page.locator("#confirmPassword").fill(newPassword);
		page.locator("form.card button[type=submit]").click();
	}

	/**
	 * Chooses in a searchable picker (fragments/picker.html) as a user does: types part of a name
	 * into the field and taps the choice whose label is {@code label}.
	 */
	protected static void pick(Page page, String field, String typed, String label) {
		page.locator("#" + field).fill(typed);
		page.locator("#" + field + "-choices [role=option]")
			.filter(new com.microsoft.playwright.Locator.FilterOptions()
				.setHas(page.getByText(label, new Page.GetByTextOptions().setExact(true))))
			.first()
			.click();
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#" + field)).hasValue(label);
	}

	/** Switches to a phone-sized viewport (iPhone SE width). */
	protected void phone() {
		page.setViewportSize(375, 740);
	}

}

package org.chamberlink.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Response;
import org.chamberlink.demo.DemoDataLoader;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.DemoSlice;
import org.chamberlink.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs in on a phone as each demo account, as a new user would from the README, and opens every
 * page its navigation offers plus the first records those pages link to: none may answer an error
 * or raw JSON, show an English code name, a {@code null} or an unresolved message key, money not
 * written ¥1,234.56, or scroll
 * sideways at 375 px. Every finding of every page is collected before the test fails, so one run
 * names them all.
 */
@IntegrationTest
class DemoRolesBrowserTest extends BrowserTest {

	/** Words a Chinese page may show as they are (file formats, the API). */
	private static final Set<String> ALLOWED_CAPITALS = Set.of("API", "PDF", "QR", "SMS", "URL", "CSV", "XLSX", "ID",
			"HTTP", "JSON", "REST", "PNG", "JPG", "GIF", "OK");


	/** An enum constant's name; codes with digits (TS2026-000123, a payment reference) are the user's data. */
	private static final Pattern CAPITALS = Pattern.compile("\\b[A-Z]{3,}(?:_[A-Z]+)*\\b");

	private static final Pattern NULL = Pattern.compile("\\bnull\\b|\\?\\?[\\w.]+\\?\\?|\\$\\{|#\\{");

	private static final Pattern RECORD = Pattern.compile("^/[a-z-]+(?:/[a-z-]+)*/\\d+$");

	/**
	 * One number format (issue 15; the template rule is {@link NumberFormatsTest}): an amount with two
	 * decimals shows with the ¥ before it (a rate's two decimals end in %), and ¥ amounts of a
	 * thousand or more are grouped (¥1,234.56).
	 */
	private static final Pattern BARE_MONEY = Pattern.compile("(?<![¥\\d.,])\\d[\\d,]*\\.\\d{2}(?![\\d.%])(?!\\s*%)|¥\\d{4,}");

	@Autowired
	DemoDataLoader loader;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyDemoAccountOpensEveryPageOfItsNavigationOnAPhone() {
		Map<String, String> logins = DemoSlice.logins(loader, accounts, jdbc);
		List<String> findings = new ArrayList<>();
		// one account of each kind: the three county administrators see the same pages of their own county
		List<String> kinds = logins.keySet()
			.stream()
			.filter(login -> !login.startsWith("admin_") || login.equals("admin_130104"))
			.sorted()
			.toList();
		assertThat(kinds).contains("hb_admin", "sjz_admin", "sjz_leader", "admin_130104")
			.anyMatch(login -> login.startsWith("sg_"))
			.anyMatch(login -> login.startsWith("member "))
			.anyMatch(login -> login.startsWith("merchant-"));
		for (String login : kinds) {
			walk(login, logins.get(login), findings);
		}
		assertThat(findings).as("pages as the demo accounts meet them").isEmpty();
	}

	private void walk(String login, String password, List<String> findings) {
		context.clearCookies();
		phone();
		// a member signs in with the phone number the start-up log names them by
		String username = login.startsWith("member ") ? login.substring("member ".length()) : login;
		signIn(username, password);
		page.waitForURL(url -> !url.contains("/login"));
		if (page.locator("#currentPassword").count() > 0) {
			page.locator("#currentPassword").fill(password);
			page.locator("#newPassword").fill("Demo-Walk-2026!");
			page.locator("#confirmPassword").fill("Demo-Walk-2026!");
			page.locator("form.card button[type=submit]").click();
			page.waitForURL(url -> !url.contains("password"));
		}
		// the staff pages' sidebar, and the member portal's own links
		List<String> pages = java.util.stream.Stream
			.concat(hrefs("[data-testid=sidebar] a.nav-link").stream(), hrefs("main a[href]").stream())
			.distinct()
			.filter(path -> !path.startsWith("/logout") && !path.startsWith("/api") && !path.contains("/panels/"))
			.toList();
		if (login.startsWith("merchant-")) {
			// ---- benefit: a partner merchant's till has its one page and nothing else (decision 0041) ----
			assertThat(pages).as(login + "'s navigation").containsExactly("/merchant");
		}
		else {
			assertThat(pages).as(login + "'s navigation").hasSizeGreaterThan(3);
		}
		Set<String> records = new LinkedHashSet<>();
		for (String path : pages) {
			open(login, path, findings);
			hrefs("main a[href]").stream().filter(href -> RECORD.matcher(href).matches()).limit(2).forEach(records::add);
		}
		for (String path : records) {
			open(login, path, findings);
		}
		System.out.println("DemoRolesBrowserTest: " + login + " opened " + pages.size() + " pages and " + records.size()
				+ " records: " + pages + " " + records);
	}

	private List<String> hrefs(String selector) {
		@SuppressWarnings("unchecked")
		List<String> found = (List<String>) page.evalOnSelectorAll(selector,
				"links => links.filter(a => !a.hasAttribute('download')).map(a => a.getAttribute('href')).filter(h => h && h.startsWith('/'))");
		return found.stream().map(href -> href.replaceFirst("[?#].*$", "")).distinct().toList();
	}

	private void open(String login, String path, List<String> findings) {
		String where = login + " " + path + ": ";
		Response response = page.navigate(url(path));
		if (response == null || response.status() >= 400) {
			findings.add(where + "answered " + (response == null ? "nothing" : response.status()));
			return;
		}
		String type = response.headerValue("content-type");
		if (type == null || !type.startsWith("text/html")) {
			findings.add(where + "answered " + type);
			return;
		}
		String text = (String) page.evaluate("document.body.innerText");
		Matcher capitals = CAPITALS.matcher(text);
		while (capitals.find()) {
			if (!ALLOWED_CAPITALS.contains(capitals.group())) {
				findings.add(where + "shows \"" + capitals.group() + "\" in " + around(text, capitals.start()));
			}
		}
		Matcher money = BARE_MONEY.matcher(text);
		while (money.find()) {
			findings.add(where + "shows money as \"" + money.group() + "\" (not ¥1,234.56) in " + around(text, money.start()));
		}
		Matcher nulls = NULL.matcher(text);
		while (nulls.find()) {
			findings.add(where + "shows \"" + nulls.group() + "\" in " + around(text, nulls.start()));
		}
		int overflow = ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
		if (overflow > 0) {
			screenshot("demo-roles-" + login + path.replaceAll("\\W+", "-"));
			findings.add(where + "scrolls sideways by " + overflow + " px at 375 px");
		}
	}

	private static String around(String text, int at) {
		return "“" + text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 30)).replace('\n', ' ') + "”";
	}

}

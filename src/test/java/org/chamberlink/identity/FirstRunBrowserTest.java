package org.chamberlink.identity;

import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The first administrator signs in with the first-run password, is made to change it, switches
 * the language, and reads the audit log; then a locked-out user sees why.
 */
@IntegrationTest
class FirstRunBrowserTest extends BrowserTest {

	static final String FIRST_RUN_PASSWORD = "First-Run-Passw0rd";

	@Autowired
	AccountManagement accountManagement;

	@Test
	void theFirstAdministratorMustReplaceTheFirstRunPasswordThenReadsTheAuditLog() {
		page.navigate(url("/"));
		assertThat(page).hasURL(url("/login"));
		screenshot("01-login");

		signIn(FirstAdministrator.USERNAME, FIRST_RUN_PASSWORD);
		assertThat(page).hasURL(url("/account/password"));
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT).first())
			.containsText("必须先设置新密码");

		// Leaving the page is not possible before the password is changed.
		page.navigate(url("/admin/audit"));
		assertThat(page).hasURL(url("/account/password"));

		page.locator("#currentPassword").fill(FIRST_RUN_PASSWORD);
		page.locator("#newPassword").fill("short");
		page.locator("#confirmPassword").fill("short");
		page.locator("form.card button[type=submit]").click();
		assertThat(page.locator("#newPassword + .invalid-feedback")).hasText("新密码至少需要 10 位");
		screenshot("02-password-invalid");

		page.locator("#currentPassword").fill(FIRST_RUN_PASSWORD);
		page.locator("#newPassword").fill("Chamber-Admin-2026");
		page.locator("#confirmPassword").fill("Chamber-Admin-2026");
		page.locator("form.card button[type=submit]").click();
		assertThat(page).hasURL(url("/"));
		assertThat(page.locator(".alert-success")).containsText("密码已修改");
		// The dashboard panels arrive through htmx; an installation-wide admin has no own organisation.
		assertThat(page.locator("[data-testid=dashboard]")).containsText("您的账户不属于具体组织");
		screenshot("03-home");

		page.locator("header").getByText("English").click();
		assertThat(page.locator(".page-title")).hasText("Dashboard");
		// the sidebar's sections open and close: the audit log is under Administration
		page.locator("aside summary").getByText("Administration").click();
		page.locator("aside").getByText("Audit log").click();
		assertThat(page).hasURL(url("/admin/audit"));
		assertThat(page.locator("[data-testid=audit-table]")).containsText("Password changed");
		assertThat(page.locator("[data-testid=audit-table]")).containsText("Sign-in");
		screenshot("04-audit-log-en");

		page.locator("#action").selectOption("PASSWORD_CHANGED");
		page.locator("form.card button[type=submit]").click();
		assertThat(page.locator("[data-testid=audit-table] tbody tr")).hasCount(1);

		page.locator("header").getByText("中文").click();
		phone();
		page.navigate(url("/admin/audit"));
		assertThat(page.locator(".page-title")).hasText("审计日志");
		screenshot("05-audit-log-phone");
	}

	@Test
	void aUserWhoMistypesFiveTimesIsToldTheAccountIsLocked() {
		AccountPrincipal user = new org.chamberlink.support.TestAccounts(accountManagement).create(Role.STAFF);
		for (int i = 0; i < 5; i++) {
			signIn(user.getUsername(), "not-my-password-" + i);
		}
		assertThat(page.locator("[data-testid=login-error]")).containsText("账户已锁定，请 15 分钟后再试");
		signIn(user.getUsername(), TestAccounts.PASSWORD);
		assertThat(page.locator("[data-testid=login-error]")).containsText("账户已锁定");
		phone();
		screenshot("06-login-locked-phone");
	}

}

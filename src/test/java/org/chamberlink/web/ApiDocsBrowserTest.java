package org.chamberlink.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.assertions.LocatorAssertions;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.Role;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Swagger UI renders the API description behind sign-in, and nothing breaks the CSP. */
@IntegrationTest
class ApiDocsBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Test
	void aSignedInUserReadsTheApiInSwaggerUi() {
		List<String> violations = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				violations.add(message.text());
			}
		});
		var user = new TestAccounts(accountManagement).create(Role.STAFF);
		signIn(user.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/swagger-ui.html"));
		// the first call builds the OpenAPI description: 3 to 11 s on a loaded two-core machine
		assertThat(page.getByText("/api/v1/me").first())
			.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
		screenshot("07-swagger-ui");
		assertThat(page.getByText("/api/v1/me").first())
			.isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
		assertThat(violations).isEmpty();
	}

}

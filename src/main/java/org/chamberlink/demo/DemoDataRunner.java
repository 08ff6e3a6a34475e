package org.chamberlink.demo;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.organization.Organizations;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Loads the demo slice on a database with no organisations yet, acting as the administrator
 * (the audit log shows who created the rows). Off with {@code CHAMBERLINK_DEMO_ENABLED=false}.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "chamberlink.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataRunner implements ApplicationRunner {

	private final DemoDataLoader loader;

	private final Organizations organizations;

	private final AccountManagement accounts;

	DemoDataRunner(DemoDataLoader loader, Organizations organizations, AccountManagement accounts) {
		this.loader = loader;
		this.organizations = organizations;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		var admin = accounts.findByUsername("admin").orElseThrow();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		try {
			if (organizations.roots().isEmpty()) {
				loader.load();
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}

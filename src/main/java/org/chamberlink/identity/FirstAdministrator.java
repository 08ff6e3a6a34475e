package org.chamberlink.identity;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On the first start with an empty database, creates the administrator {@code admin}. There is
 * no default password: it comes from {@code CHAMBERLINK_ADMIN_PASSWORD}, or is generated and
 * printed once to the log. Either way it must be changed at the first sign-in, so the first-run
 * password can never be kept.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

	static final String USERNAME = "admin";

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final AccountManagement accounts;

	private final String configuredPassword;

	FirstAdministrator(AccountManagement accounts,
			@Value("${chamberlink.admin.password:${CHAMBERLINK_ADMIN_PASSWORD:}}") String configuredPassword) {
		this.accounts = accounts;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.anyAccountExists()) {
			return;
		}
		boolean generated = !StringUtils.hasText(configuredPassword);
		String password = generated ? generatePassword() : configuredPassword;
		accounts.create(new NewAccount(USERNAME, "系统管理员", password, null, Set.of(Role.SYSTEM_ADMIN), true));
		if (generated) {
			log.warn("""

					==========================================================================
					  First start: administrator account created.
					    username: {}
					    password: {}
					  This password is shown only now and must be changed at the first sign-in.
					==========================================================================""",
					USERNAME, password);
		}
		else {
			log.warn("First start: administrator '{}' created with CHAMBERLINK_ADMIN_PASSWORD; "
					+ "it must be changed at the first sign-in.", USERNAME);
		}
	}

	/** 20 characters from a 57-symbol alphabet without look-alikes: about 116 bits. */
	static String generatePassword() {
		return InitialPasswords.generate(20);
	}

}

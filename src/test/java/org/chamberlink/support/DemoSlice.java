package org.chamberlink.support;

import java.util.Map;

import org.chamberlink.demo.DemoDataLoader;
import org.chamberlink.identity.AccountManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo province slice, loaded once per test run (its account names are fixed, so a second load
 * would collide) by whichever test needs it first, with the one-time passwords it printed.
 */
public final class DemoSlice {

	private static Map<String, String> logins;

	private DemoSlice() {
	}

	public static synchronized Map<String, String> logins(DemoDataLoader loader, AccountManagement accounts,
			JdbcClient jdbc) {
		if (logins == null) {
			// Other tests may hold township chambers in the demo districts; retire them first.
			jdbc.sql("update organization set status = 'DISSOLVED' where chamber_kind = 'TOWNSHIP' "
					+ "and (region_code like '130102%' or region_code like '130104%' or region_code like '130105%')")
				.update();
			var admin = accounts.findByUsername("admin").orElseThrow();
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
			try {
				logins = Map.copyOf(loader.load());
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}
		return logins;
	}

}

package org.chamberlink.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Wraps the password check with the login throttle: a locked account or address is refused
 * before its password is even compared, and each wrong password is counted.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwordCheck;

	private final LoginThrottle throttle;

	ThrottlingAuthenticationProvider(AuthenticationProvider passwordCheck, LoginThrottle throttle) {
		this.passwordCheck = passwordCheck;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "unknown";
		throttle.checkAllowed(username, address);
		try {
			Authentication result = passwordCheck.authenticate(authentication);
			throttle.recordSuccess(username);
			return result;
		}
		catch (BadCredentialsException wrongPassword) {
			throw throttle.recordFailure(username, address)
				.<AuthenticationException>map(lock -> lock)
				.orElse(wrongPassword);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}

package org.chamberlink.identity;

import org.chamberlink.audit.AuditTrail;
import org.chamberlink.web.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * One filter chain for pages and API: form sign-in and sessions (kept in PostgreSQL) for both,
 * personal bearer tokens for the API, CSRF on every state-changing request that rides on a
 * session cookie, and a Content-Security-Policy that runs only the application's own scripts.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

	/** Swagger UI sets inline styles; its pages alone may, scripts stay the application's own. */
	static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
			"style-src 'self' 'unsafe-inline'");

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today; the {id} prefix lets hashes move to argon2 later without a reset.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	AuthenticationManager authenticationManager(AccountDetailsService details, PasswordEncoder encoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(details);
		passwordCheck.setPasswordEncoder(encoder);
		return new ProviderManager(new ThrottlingAuthenticationProvider(passwordCheck, throttle));
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
			SecurityContextRepository contextRepository, ApiTokens tokens, ProblemResponses problems,
			AuditTrail audit) throws Exception {
		RequestMatcher api = pathPattern("/api/**");
		http.authenticationManager(authenticationManager)
			.securityContext(context -> context.securityContextRepository(contextRepository))
			.authorizeHttpRequests(authorize -> authorize
				.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
						"/actuator/health", "/actuator/health/**")
				.permitAll()
				// a chamber's public join page (入会申请) and the applicant's status page
				.requestMatchers("/join/**")
				.permitAll()
				// an activity's check-in page, opened from its QR code by members and guests alike (the
				// member's one-tap check-in itself asks for the member role), and calendar feeds behind a
				// secret link, fetched by calendar applications that cannot sign in
				.requestMatchers("/checkin/*", "/checkin/*/guest", "/feeds/activities/*")
				.permitAll()
				// honours: a certificate's public verification page (its QR code) and a programme's
				// public notice (公示) with its objection form, throttled per address
				.requestMatchers("/honours/verify/*", "/honours/notice/*", "/honours/notice/*/objection")
				.permitAll()
				// honours: an organisation's public honour roll, while the organisation publishes it (GET only)
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/honours/public/*")
				.permitAll()
				// a donation campaign's public thank-you roll, once its organisation publishes it (welfare)
				.requestMatchers("/thanks/*")
				.permitAll()
				.requestMatchers("/actuator/**", "/admin/**")
				.hasRole(Role.SYSTEM_ADMIN.name())
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new LoginOutcomeHandlers.Success(audit))
				.failureUrl("/login?error")
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout")
				.addLogoutHandler(new LoginOutcomeHandlers.Logout(audit))
				.logoutSuccessUrl("/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenAuthenticationFilter::hasBearerToken))
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor((request, response, e) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "problem.unauthenticated"), api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						new NegatedRequestMatcher(api))
				.defaultAccessDeniedHandlerFor((request, response, e) -> problems.write(request, response,
						HttpStatus.FORBIDDEN, "problem.forbidden"), api)
				// Named for pages too: with a single mapping Spring Security uses it for every request,
				// and a page would show the API's problem JSON instead of the localized 403 page.
				.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), new NegatedRequestMatcher(api)))
			.headers(headers -> headers.addHeaderWriter(contentSecurityPolicy())
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems),
					UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeRequiredFilter(problems), AuthorizationFilter.class)
			// a partner merchant's till reaches its one page only (benefit, decision 0041)
			.addFilterAfter(new MerchantOnlyFilter(), AuthorizationFilter.class);
		return http.build();
	}

	private static HeaderWriter contentSecurityPolicy() {
		RequestMatcher apiDocs = new OrRequestMatcher(pathPattern("/swagger-ui.html"), pathPattern("/swagger-ui/**"));
		HeaderWriter strict = new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		HeaderWriter relaxed = new StaticHeadersWriter("Content-Security-Policy", API_DOCS_CONTENT_SECURITY_POLICY);
		return (request, response) -> (apiDocs.matches(request) ? relaxed : strict).writeHeaders(request, response);
	}

}

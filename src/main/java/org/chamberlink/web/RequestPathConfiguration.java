package org.chamberlink.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * What every request costs before its own work (measured in the check-in burst's profile, see
 * docs/benchmarks.md). With the webjars locator on the class path the resource chain is on, and
 * Spring Boot then routes every {@code @{…}} link a page writes through
 * {@link ResourceUrlEncodingFilter}: each link — a list page writes hundreds — is looked up in every
 * static location inside the jars, and a miss (any link that is not a static file) is not cached.
 * That was 7 % of the server's CPU while the burst's pages were drawn. Nothing here needs links
 * rewritten (no content-hash versions; a version-less webjar path is resolved when it is served), so
 * the filter is registered switched off, which also keeps Spring Boot from registering its own.
 */
@Configuration(proxyBeanMethods = false)
class RequestPathConfiguration {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}

package org.chamberlink.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Notes who made the request for the request log line, which is written by a filter that runs
 * outside Spring Security and so cannot see the security context itself.
 */
class CurrentUserInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()) {
			request.setAttribute(RequestIdFilter.USER_ATTRIBUTE, authentication.getName());
		}
		return true;
	}

}

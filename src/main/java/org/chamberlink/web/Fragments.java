package org.chamberlink.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One place for serving one URL as a whole page or as a fragment: htmx requests (HX-Request header)
 * get the named fragment, plain requests the page, so every link works without JavaScript.
 */
public final class Fragments {

	private Fragments() {
	}

	public static String pageOr(HttpServletRequest request, String view, String fragment) {
		boolean htmx = request.getHeader("HX-Request") != null && request.getHeader("HX-Boosted") == null;
		return htmx ? view + " :: " + fragment : view;
	}

}

package org.chamberlink.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links that keep what a list page was asked for: the next page of the same filter, or the same
 * filter on an export. Every page has it as {@code pageLinks} (see {@link LayoutModelAdvice}); the
 * query is the request's own, so no controller rebuilds it by hand and a new filter field is kept
 * without anyone adding it.
 *
 * @param path the request's path
 * @param query the request's query string as sent (encoded), or null
 */
public record PageLinks(String path, String query) {

	public static PageLinks of(HttpServletRequest request) {
		return new PageLinks(request.getRequestURI(), request.getQueryString());
	}

	/** This page's address with {@code page} set to the given number (0-based). */
	public String page(int number) {
		return path + "?" + withPage(number);
	}

	/** The current filter as {@code ?…} (without the page), or empty: for export links. */
	public String filter() {
		String filter = withPage(null);
		return filter.isEmpty() ? "" : "?" + filter;
	}

	private String withPage(Integer page) {
		// the request's query is already encoded: parse and rebuild it as such
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance()
			.query(query == null ? "" : query)
			.replaceQueryParam("page");
		if (page != null) {
			builder.queryParam("page", page);
		}
		String rebuilt = builder.build(true).getQuery();
		return rebuilt == null ? "" : rebuilt;
	}

}

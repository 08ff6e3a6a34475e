package org.chamberlink.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The way back from a record to the list it was opened from, filter and page kept: the list's
 * address as the browser came from it (its Referer, when it is this list on this server), else the
 * list unfiltered. Every page has it as {@code back}: {@code th:href="${back.to('/members')}"}.
 *
 * @param referer the path and query the browser came from on this server, or null
 */
public record BackLink(String referer) {

	static BackLink of(HttpServletRequest request) {
		String header = request.getHeader("Referer");
		if (header == null) {
			return new BackLink(null);
		}
		try {
			URI uri = URI.create(header);
			boolean here = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
			return new BackLink(here && uri.getRawPath() != null
					? uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) : null);
		}
		catch (IllegalArgumentException notAnAddress) {
			return new BackLink(null);
		}
	}

	/** The list at {@code list} as the user left it, or unfiltered. */
	public String to(String list) {
		if (referer != null && (referer.equals(list) || referer.startsWith(list + "?"))) {
			return referer;
		}
		return list;
	}

}

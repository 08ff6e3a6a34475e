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

	/** A gap between page numbers in {@link #numbers}. */
	public static final int GAP = -1;

	/**
	 * The page numbers (0-based) a list offers: the first, the last and two either side of the
	 * current one, with {@link #GAP} where numbers are left out — a secretary paging 40 pages of
	 * members reaches any of them in two clicks, on a phone too.
	 */
	public static java.util.List<Integer> numbers(int current, int totalPages) {
		java.util.List<Integer> numbers = new java.util.ArrayList<>();
		for (int number = 0; number < totalPages; number++) {
			boolean shown = number == 0 || number == totalPages - 1 || Math.abs(number - current) <= 2;
			if (shown) {
				numbers.add(number);
			}
			else if (numbers.get(numbers.size() - 1) != GAP) {
				numbers.add(GAP);
			}
		}
		return numbers;
	}

	/** {@link #numbers} for the page being shown. */
	public java.util.List<Integer> numbersAround(int current, int totalPages) {
		return numbers(current, totalPages);
	}

	/** The current filter as {@code ?…} (without the page), or empty: for export links. */
	public String filter() {
		String filter = withPage(null);
		return filter.isEmpty() ? "" : "?" + filter;
	}

	/**
	 * The current filter as name and value pairs (decoded), without the page: the hidden fields of
	 * the "jump to page" form, which sends them back with {@code jump} (see {@link PageJump}).
	 */
	public java.util.List<java.util.Map.Entry<String, String>> filterFields() {
		java.util.List<java.util.Map.Entry<String, String>> fields = new java.util.ArrayList<>();
		UriComponentsBuilder.newInstance()
			.query(query == null ? "" : query)
			.replaceQueryParam("page")
			.replaceQueryParam(PageJump.PARAMETER)
			.build(true)
			.getQueryParams()
			.forEach((name, values) -> values.forEach(value -> fields.add(java.util.Map.entry(decode(name),
					value == null ? "" : decode(value)))));
		return fields;
	}

	private static String decode(String encoded) {
		return org.springframework.web.util.UriUtils.decode(encoded.replace("+", "%20"),
				java.nio.charset.StandardCharsets.UTF_8);
	}

	private String withPage(Integer page) {
		// the request's query is already encoded: parse and rebuild it as such
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance()
			.query(query == null ? "" : query)
			.replaceQueryParam("page")
			.replaceQueryParam(PageJump.PARAMETER);
		if (page != null) {
			builder.queryParam("page", page);
		}
		String rebuilt = builder.build(true).getQuery();
		return rebuilt == null ? "" : rebuilt;
	}

}

package org.chamberlink.notice;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The safe rich-text subset of a notice's body, applied on the server with the OWASP Java HTML
 * Sanitizer (an allow-list policy, not a filter of what is known to be bad): paragraphs, headings,
 * lists, quotes, bold, italic, underline, tables, and links to http, https and mailto that open
 * with {@code rel="nofollow noopener noreferrer"}. Everything else — scripts, event handlers,
 * styles, images, frames, forms, SVG, {@code javascript:} and {@code data:} URLs — is removed; the
 * text inside a removed element stays as text where it is text.
 */
public final class NoticeHtml {

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("a", "hr", "br", "span")
			.allowStandardUrlProtocols()
			.allowAttributes("href").onElements("a")
			.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
			.toFactory());

	private NoticeHtml() {
	}

	/** The body as it may be stored and shown; null is empty. */
	public static String sanitize(String html) {
		return html == null ? "" : POLICY.sanitize(html).strip();
	}

	/** The body's text without any markup, for mail, SMS and lists. */
	public static String text(String html) {
		String plain = new HtmlPolicyBuilder().toFactory().sanitize(html == null ? "" : html.replaceAll("(?i)<(br|/p|/li|/h\\d)[^>]*>", "\n"));
		return org.springframework.web.util.HtmlUtils.htmlUnescape(plain).replaceAll("[ \\t]+", " ").replaceAll("\\n{3,}", "\n\n").strip();
	}

}

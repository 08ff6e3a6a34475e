package org.chamberlink.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for web tests: its own cookie jar (so its own session), CSRF token
 * taken from the last page as a browser form would, HTML preferred, no redirects followed so
 * tests see them.
 */
public class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client;

	private final String base;

	private final String accept;

	private String csrf;

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.accept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
	}

	private WebSession(HttpClient client, String base, String accept, String csrf) {
		this.client = client;
		this.base = base;
		this.accept = accept;
		this.csrf = csrf;
	}

	/** The same browser (its cookies, its CSRF token) talking to another server, e.g. a second instance. */
	public WebSession sameBrowserOn(int otherPort) {
		return new WebSession(client, "http://localhost:" + otherPort, accept, csrf);
	}

	public static WebSession signedIn(int port, String username, String password) {
		WebSession session = new WebSession(port);
		HttpResponse<String> response = session.login(username, password);
		if (response.statusCode() != 302 || session.location(response).contains("error")) {
			throw new IllegalStateException("sign-in of " + username + " failed: " + response.headers().map());
		}
		// Signing in replaces the CSRF token; pick up the new one as the browser would.
		session.get(session.location(response));
		return session;
	}

	public HttpResponse<String> login(String username, String password) {
		get("/login");
		return postForm("/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build());
	}

	/** A GET as htmx sends it (HX-Request): a panel's or a list's fragment instead of the whole page. */
	public HttpResponse<String> getHtmx(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).header("HX-Request", "true").GET().build());
	}

	/** A GET asking for JSON with this session's cookies, as a page's script does (a picker's search). */
	public HttpResponse<String> getJson(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build());
	}

	/** Where a redirect points, as a path on this server ("" when it is not a redirect). */
	public String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").map(l -> l.startsWith(base) ? l.substring(base.length()) : l)
			.orElse("");
	}

	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		return postForm(path, fields, accept);
	}

	/** A form posted by a page's script asking for JSON back (the check-in page's tap). */
	public HttpResponse<String> postFormForJson(String path, Map<String, String> fields) {
		return postForm(path, fields, "application/json");
	}

	private HttpResponse<String> postForm(String path, Map<String, String> fields, String accepting) {
		String body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		if (csrf != null) {
			body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + encode(csrf);
		}
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", accepting)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** A multipart upload of one file plus form fields, as a browser's file form sends it. */
	public HttpResponse<String> postFile(String path, String filename, byte[] content, Map<String, String> fields) {
		String boundary = "----chamberlink" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		if (csrf != null) {
			all.put("_csrf", csrf);
		}
		all.forEach((name, value) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n"));
		text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		text.accept("\r\n--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** Downloads a file (an export, a report) as bytes with this session's cookies. */
	public byte[] download(String path) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray()).body();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public HttpResponse<String> postFormWithoutCsrf(String path, Map<String, String> fields) {
		String saved = csrf;
		csrf = null;
		try {
			return postForm(path, fields);
		}
		finally {
			csrf = saved;
		}
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				csrf = matcher.group(1);
			}
			return response;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

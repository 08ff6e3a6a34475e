package org.chamberlink.organization;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.organization.NaturalKeyEndpoint.Where;
import org.chamberlink.support.WebSession;
import org.chamberlink.support.WriteCounter;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends every write operation bad input, field by field (issue 14, decision 30). The API's
 * operations and their fields come from the OpenAPI document, the pages' forms from the request
 * mappings ({@link NaturalKeyEndpoint#discover}), so a new endpoint is walked without editing this.
 * Each field gets a few values of each class that fits its type — a NUL, text longer than any
 * column, a value of the wrong JSON type, an impossible or absurd date, a number beyond every
 * column, an unknown enum value — with the other fields valid; a JSON body is also sent
 * malformed, empty, {@code null}, an array, nested 2,000 deep, as invalid UTF-8 and with the
 * wrong content type; path ids are sent as {@code abc} and beyond a long; an upload gets a file
 * that is no workbook, an empty one and one over the size limit. Any 5xx is a failure, and so is
 * a refused request (4xx, or a form drawn again with its errors) after which the database's
 * {@link WriteCounter} moved — checked a second time, so a background job's write is not blamed.
 */
final class BadInputWalker {

	enum Kind {
		TEXT, INTEGER, NUMBER, DATE, ENUM, BOOLEAN, ARRAY, OBJECT, FILE
	}

	record Field(String name, Kind kind, Where where, List<String> constants) {
	}

	record Operation(String method, String pattern, boolean api, boolean json, List<Field> fields, Class<?> bean) {

		@Override
		public String toString() {
			return method + " " + pattern;
		}

	}

	/** A bad value: what it is, as raw JSON, and as a form or query string (null: not sendable that way). */
	record Bad(String label, String json, String text) {
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	private static final String LONG_TEXT = "长".repeat(20_001);

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10)).build();

	/** Pages a walk must not send: they end the walking session. */
	private static final Set<String> SKIPPED = Set.of("/account/sessions/end-others", "/account/sessions/end-all",
			"/login", "/logout", "/error");

	final List<String> failures = new ArrayList<>();

	final Set<String> walked = new java.util.TreeSet<>();

	int requests;

	/** The answers each operation gave, by status: what the walk reached. */
	final Map<String, Map<Integer, Integer>> statuses = new java.util.TreeMap<>();

	private final int port;

	private final WriteCounter counter;

	private final Function<String, String> pathValues;

	private final Map<String, String> defaults;

	private final Caller caller;

	private final Caller fallback;

	private Caller current;

	/** Who sends: a token for the API and a signed-in session for pages. */
	record Caller(String token, WebSession web) {
	}

	BadInputWalker(int port, WriteCounter counter, Caller caller, Caller fallback, Function<String, String> pathValues,
			Map<String, String> defaults) {
		this.port = port;
		this.counter = counter;
		this.caller = caller;
		this.fallback = fallback;
		this.pathValues = pathValues;
		this.defaults = defaults;
	}

	// discovery

	static List<Operation> discover(JsonNode docs, RequestMappingHandlerMapping mappings) {
		List<Operation> operations = new ArrayList<>();
		JsonNode schemas = docs.path("components").path("schemas");
		for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				String method = op.getKey().toUpperCase();
				if (!Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
					continue;
				}
				List<Field> fields = new ArrayList<>();
				for (JsonNode parameter : op.getValue().path("parameters")) {
					if (parameter.path("in").asString().equals("query")) {
						fields.add(field(parameter.path("name").asString(), parameter.path("schema"), schemas, Where.QUERY));
					}
				}
				JsonNode content = op.getValue().path("requestBody").path("content");
				boolean json = content.has("application/json");
				JsonNode body = json ? content.path("application/json").path("schema")
						: content.path("multipart/form-data").path("schema");
				for (Map.Entry<String, JsonNode> property : resolve(body, schemas).path("properties").properties()) {
					Field field = field(property.getKey(), property.getValue(), schemas, json ? Where.BODY : Where.FORM);
					fields.add(field.kind() == Kind.FILE ? new Field(field.name(), Kind.FILE, Where.FILE, List.of()) : field);
				}
				operations.add(new Operation(method, path.getKey(), true, json, fields, bean(mappings, method, path.getKey())));
			}
		}
		for (NaturalKeyEndpoint endpoint : NaturalKeyEndpoint.discover(mappings)) {
			if (endpoint.api() || endpoint.get() || SKIPPED.contains(endpoint.pattern())) {
				continue;
			}
			List<Field> fields = new ArrayList<>();
			endpoint.inputs().forEach(input -> fields.add(new Field(input.name(), kind(input.type()),
					input.where() == Where.FILE ? Where.FILE : Where.FORM, constants(input.type()))));
			operations.add(new Operation(endpoint.method(), endpoint.pattern(), false, false, fields, endpoint.bean()));
		}
		operations.sort(java.util.Comparator.comparing(Operation::toString));
		return operations;
	}

	private static Class<?> bean(RequestMappingHandlerMapping mappings, String method, String pattern) {
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			if (entry.getKey().getPatternValues().contains(pattern)
					&& (methods.isEmpty() || methods.contains(RequestMethod.valueOf(method)))) {
				return entry.getValue().getBeanType();
			}
		}
		return Object.class;
	}

	private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
		JsonNode resolved = schema;
		for (int i = 0; i < 5 && resolved.has("$ref"); i++) {
			String ref = resolved.path("$ref").asString();
			resolved = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
		}
		return resolved;
	}

	private static Field field(String name, JsonNode schema, JsonNode schemas, Where where) {
		JsonNode resolved = resolve(schema, schemas);
		String type = resolved.path("type").isArray() ? resolved.path("type").path(0).asString()
				: resolved.path("type").asString();
		String format = resolved.path("format").asString();
		List<String> constants = new ArrayList<>();
		resolved.path("enum").forEach(constant -> constants.add(constant.asString()));
		Kind kind = !constants.isEmpty() ? Kind.ENUM : switch (type) {
			case "integer" -> Kind.INTEGER;
			case "number" -> Kind.NUMBER;
			case "boolean" -> Kind.BOOLEAN;
			case "array" -> Kind.ARRAY;
			case "object" -> Kind.OBJECT;
			default -> format.equals("binary") ? Kind.FILE : format.startsWith("date") ? Kind.DATE : Kind.TEXT;
		};
		return new Field(name, kind, where, constants);
	}

	private static Kind kind(Class<?> type) {
		if (org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(type)) {
			return Kind.FILE;
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class) {
			return Kind.INTEGER;
		}
		if (Number.class.isAssignableFrom(type)) {
			return Kind.NUMBER;
		}
		if (type == java.time.LocalDate.class || type == java.time.LocalDateTime.class) {
			return Kind.DATE;
		}
		if (type.isEnum()) {
			return Kind.ENUM;
		}
		if (type == Boolean.class || type == boolean.class) {
			return Kind.BOOLEAN;
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return Kind.ARRAY;
		}
		if (Map.class.isAssignableFrom(type)) {
			return Kind.OBJECT;
		}
		return Kind.TEXT;
	}

	private static List<String> constants(Class<?> type) {
		return type.isEnum() ? java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList() : List.of();
	}

	// the classes of bad input

	static List<Bad> badValues(Kind kind) {
		return switch (kind) {
			case TEXT -> List.of(new Bad("NUL", "\"坏\\u0000值\"", "坏\u0000值"),
					new Bad("20,001 characters", "\"" + LONG_TEXT + "\"", LONG_TEXT), new Bad("a boolean", "true", null),
					new Bad("an object", "{\"a\":1}", null));
			case INTEGER -> List.of(new Bad("text", "\"abc\"", "abc"), new Bad("2^31", "2147483648", "2147483648"),
					new Bad("1e30", "1e30", "1e30"), new Bad("beyond a long", "99999999999999999999", "99999999999999999999"),
					new Bad("a boolean", "true", null));
			case NUMBER -> List.of(new Bad("text", "\"abc\"", "abc"), new Bad("2^31", "2147483648", "2147483648"),
					new Bad("1e30", "1e30", "1e30"), new Bad("a boolean", "true", null));
			case DATE -> List.of(new Bad("February 30th", "\"2026-02-30\"", "2026-02-30"),
					new Bad("year 0", "\"0000-01-01\"", "0000-01-01"), new Bad("year 99999", "\"+99999-01-01\"", "+99999-01-01"),
					new Bad("9999-12-31", "\"9999-12-31\"", "9999-12-31"), new Bad("text", "\"abc\"", "abc"));
			case ENUM -> List.of(new Bad("unknown constant", "\"NOPE\"", "NOPE"), new Bad("a number", "5", null));
			case BOOLEAN -> List.of(new Bad("text", "\"maybe\"", "maybe"), new Bad("an object", "{}", null));
			case ARRAY -> List.of(new Bad("a string", "\"x\"", null), new Bad("[null]", "[null]", null),
					new Bad("[NUL]", "[\"\\u0000\"]", null), new Bad("[object]", "[{}]", null));
			case OBJECT -> List.of(new Bad("a string", "\"x\"", null),
					new Bad("unknown key, NUL", "{\"NOPE\":\"\\u0000\"}", null),
					new Bad("1e30 for a known key", "{\"MEMBER\":\"1e30\",\"PRESIDENT\":1e30}", null));
			case FILE -> List.of();
		};
	}

	// the walk

	void walk(Operation operation) {
		current = caller;
		walked.add(operation.toString());
		// a caller the operation refuses outright would test nothing: the system administrator instead
		// (asked with ids of no record and an empty body, so that nothing is deleted or approved by asking)
		if (fallback != null && probe(operation).statusCode() == 403) {
			current = fallback;
		}
		for (String variable : variables(operation.pattern())) {
			for (String bad : List.of("abc", "99999999999999999999")) {
				check(operation, "path " + variable + "=" + bad, () -> send(operation,
						pathOf(operation, variable, bad), valid(operation, null, null), null, null));
			}
		}
		for (Field field : operation.fields()) {
			if (field.kind() == Kind.FILE) {
				continue;
			}
			for (Bad bad : badValues(field.kind())) {
				String value = operation.json() && field.where() == Where.BODY ? bad.json() : bad.text();
				if (value == null) {
					continue;
				}
				check(operation, field.name() + " = " + bad.label(), () -> send(operation, pathOf(operation, null, null),
						valid(operation, field, value), null, null));
			}
		}
		if (operation.json()) {
			String path = pathOf(operation, null, null);
			for (Bad body : List.of(new Bad("malformed", "{", null), new Bad("empty", "", null),
					new Bad("null", "null", null), new Bad("an array", "[]", null),
					new Bad("nested 2,000 deep", "[".repeat(2000) + "]".repeat(2000), null),
					new Bad("an object nested 2,000 deep", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), null))) {
				check(operation, "body " + body.label(), () -> raw(operation.method(), path, "application/json",
						body.json().getBytes(StandardCharsets.UTF_8)));
			}
			check(operation, "body invalid UTF-8", () -> raw(operation.method(), path, "application/json",
					new byte[] { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }));
			check(operation, "content type text/plain", () -> raw(operation.method(), path, "text/plain",
					"{}".getBytes(StandardCharsets.UTF_8)));
			check(operation, "content type XML", () -> raw(operation.method(), path, "application/xml",
					"<a/>".getBytes(StandardCharsets.UTF_8)));
		}
		if (operation.fields().stream().anyMatch(field -> field.kind() == Kind.FILE)) {
			String path = pathOf(operation, null, null);
			check(operation, "a file that is no workbook", () -> send(operation, path, valid(operation, null, null),
					"坏文件.xlsx", "这不是工作簿".getBytes(StandardCharsets.UTF_8)));
			check(operation, "an empty file", () -> send(operation, path, valid(operation, null, null), "空.xlsx",
					new byte[0]));
			check(operation, "a file over the upload limit", () -> {
				try {
					return send(operation, path, valid(operation, null, null), "大.xlsx", new byte[22 * 1024 * 1024]);
				}
				catch (IllegalStateException closed) {
					// the server may answer and close the connection before it has read 22 MB: a refusal
					return null;
				}
			});
		}
	}

	private HttpResponse<String> probe(Operation operation) {
		String path = VARIABLE.matcher(operation.pattern()).replaceAll("0");
		if (operation.api()) {
			return raw(operation.method(), path, operation.json() ? "application/json" : null,
					(operation.json() ? "{}" : "").getBytes(StandardCharsets.UTF_8));
		}
		return current.web().postForm(path, Map.of());
	}

	private interface Request {

		HttpResponse<String> send();

	}

	/** Sends, and judges the answer: never a 5xx; a refusal leaves the database as it was. */
	private void check(Operation operation, String what, Request request) {
		String label = operation + " [" + what + "]";
		Map<String, Long> before = counter.snapshot();
		HttpResponse<String> response = request.send();
		requests++;
		if (response == null) {
			statuses.computeIfAbsent(operation.toString(), op -> new java.util.TreeMap<>()).merge(0, 1, Integer::sum);
			return;
		}
		statuses.computeIfAbsent(operation.toString(), op -> new java.util.TreeMap<>()).merge(response.statusCode(), 1,
				Integer::sum);
		if (response.statusCode() >= 500) {
			failures.add(label + " -> " + response.statusCode());
			return;
		}
		if (!refused(response)) {
			return;
		}
		List<String> changed = WriteCounter.changed(before, counter.snapshot());
		if (changed.isEmpty()) {
			return;
		}
		// a background job may have written meanwhile: once it is quiet, the same request again
		Map<String, Long> quiet = quiet();
		request.send();
		requests++;
		List<String> again = WriteCounter.changed(quiet, counter.snapshot());
		if (!again.isEmpty()) {
			failures.add(label + " -> " + response.statusCode() + " but wrote " + again);
		}
	}

	/** The write counts once two readings 150 ms apart agree (the background jobs quiet), or the last after 30 s. */
	private Map<String, Long> quiet() {
		java.util.concurrent.atomic.AtomicReference<Map<String, Long>> last = new java.util.concurrent.atomic.AtomicReference<>(
				counter.snapshot());
		try {
			return org.awaitility.Awaitility.await("the background jobs to be quiet")
				.pollDelay(Duration.ofMillis(150))
				.pollInterval(Duration.ofMillis(150))
				.atMost(Duration.ofSeconds(30))
				.until(() -> {
					Map<String, Long> now = counter.snapshot();
					return now.equals(last.getAndSet(now)) ? now : null;
				}, java.util.Objects::nonNull);
		}
		catch (org.awaitility.core.ConditionTimeoutException busy) {
			return last.get();
		}
	}

	private static boolean refused(HttpResponse<String> response) {
		int status = response.statusCode();
		return (status >= 400 && status < 500) || (status == 200 && (response.body().contains("data-testid=\"form-errors\"")
				|| response.body().contains("is-invalid") || response.body().contains("data-row-refusal")));
	}

	// requests

	private static List<String> variables(String pattern) {
		List<String> names = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(pattern);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private String pathOf(Operation operation, String badVariable, String badValue) {
		Matcher matcher = VARIABLE.matcher(operation.pattern());
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String variable = matcher.group(1);
			String head = operation.pattern().substring(0, matcher.start());
			String segment = head.substring(head.lastIndexOf('/', head.length() - 2) + 1).replace("/", "");
			String value = variable.equals(badVariable) ? badValue : pathValues.apply(segment + "/" + variable);
			matcher.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(path);
		return path.toString();
	}

	/** Every field valid (as far as a default can be), one replaced by the bad value. */
	private Map<String, String> valid(Operation operation, Field bad, String badValue) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Field field : operation.fields()) {
			if (field.kind() == Kind.FILE) {
				continue;
			}
			boolean json = operation.json() && field.where() == Where.BODY;
			String value = field == bad ? badValue : defaultOf(field, json);
			if (value != null) {
				values.put(field.name(), value);
			}
		}
		return values;
	}

	private String defaultOf(Field field, boolean json) {
		String known = defaults.get(field.name());
		if (known == null) {
			known = switch (field.kind()) {
				case TEXT -> "测试";
				case INTEGER, NUMBER -> "1";
				// long past: a date the walk lists in the shared working calendar must not move anyone's time limits
				case DATE -> "2001-01-02";
				case ENUM -> field.constants().isEmpty() ? null : field.constants().get(0);
				case BOOLEAN -> "false";
				case ARRAY -> json ? "[]" : null;
				case OBJECT -> json ? "{}" : null;
				case FILE -> null;
			};
		}
		if (known == null || !json) {
			return known;
		}
		return switch (field.kind()) {
			case INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT -> known;
			default -> "\"" + known.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		};
	}

	private HttpResponse<String> send(Operation operation, String path, Map<String, String> values, String fileName,
			byte[] file) {
		if (!operation.api()) {
			Map<String, String> form = new LinkedHashMap<>(values);
			return file != null || operation.fields().stream().anyMatch(f -> f.kind() == Kind.FILE)
					? current.web().postFile(path, fileName == null ? "a.xlsx" : fileName, file == null ? new byte[0] : file, form)
					: current.web().postForm(path, form);
		}
		StringBuilder query = new StringBuilder();
		StringBuilder body = new StringBuilder();
		Map<String, String> multipart = new LinkedHashMap<>();
		for (Field field : operation.fields()) {
			String value = values.get(field.name());
			if (value == null) {
				continue;
			}
			switch (field.where()) {
				case QUERY -> query.append(query.isEmpty() ? "?" : "&").append(field.name()).append('=')
					.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
				case BODY -> body.append(body.isEmpty() ? "{" : ",").append('"').append(field.name()).append("\":").append(value);
				default -> multipart.put(field.name(), value);
			}
		}
		if (operation.json()) {
			return raw(operation.method(), path + query, "application/json",
					(body.isEmpty() ? "{}" : body + "}").getBytes(StandardCharsets.UTF_8));
		}
		if (file != null || operation.fields().stream().anyMatch(f -> f.kind() == Kind.FILE)) {
			return multipart(path + query, multipart, fileName == null ? "a.txt" : fileName, file == null ? new byte[] { 1 } : file);
		}
		return raw(operation.method(), path + query, null, new byte[0]);
	}

	private HttpResponse<String> raw(String method, String path, String contentType, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + current.token())
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(60))
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(method + " " + path, e);
		}
	}

	private HttpResponse<String> multipart(String path, Map<String, String> fields, String fileName, byte[] content) {
		String boundary = "----badinput" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return raw("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

}

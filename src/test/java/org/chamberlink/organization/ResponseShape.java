package org.chamberlink.organization;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.idev.excel.FastExcel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What two answers are compared by, once the values the caller sent are replaced by placeholders:
 * the status, where a redirect points (ids as #), for JSON every key and value (numbers and digit
 * runs as #, array lengths kept), for pages the messages they show (alerts, field errors) and their
 * table rows and cells, for spreadsheets how many rows. An enterprise's registered facts may differ
 * between an attached party and a new one, so in party-like JSON objects they are not compared.
 */
final class ResponseShape {

	/** An HTTP answer; for a page redirect, the page it leads to; for a background job, its outcome. */
	record Reply(int status, String type, String location, String text, Reply followed, String job) {

		boolean json() {
			return type.contains("json");
		}

		boolean html() {
			return type.contains("html");
		}

		/** Everything the caller gets to read, for the search for the neighbour's private data. */
		String readable() {
			return text + (followed == null ? "" : "\n" + followed.readable()) + (job == null ? "" : "\n" + job);
		}

	}

	/** The facts every organisation of a shared party sees: the registered ones. */
	static final Set<String> SHARED = Set.of("name", "creditCode", "legalRepresentative", "industryCode",
			"enterpriseKind", "sizeClass", "employees", "regionCode", "regionName", "gender", "idNumberMasked");

	static final String XLSX = "spreadsheetml";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Tokens, request ids, CSRF values: long runs of letters and digits. */
	private static final Pattern TOKEN = Pattern.compile("\\b(?=[\\w\\-]*\\d)(?=[\\w\\-]*[A-Za-z])[\\w\\-]{10,}\\b");

	/** Fields that are random by design (an API token's secret and prefix, a request id). */
	private static final Set<String> RANDOM = Set.of("token", "secret", "prefix", "requestId");

	private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

	private static final Pattern MESSAGE = Pattern.compile(
			"<(\\w+)[^>]*class=\"[^\"]*\\b(alert|invalid-feedback|text-danger)\\b[^\"]*\"[^>]*>(.*?)</\\1>", Pattern.DOTALL);

	private ResponseShape() {
	}

	static String of(Reply reply) {
		return of(reply, true);
	}

	/** Table rows are counted on the answer itself, not on the page a redirect leads to (its history grows). */
	private static String of(Reply reply, boolean rows) {
		StringBuilder shape = new StringBuilder("status=").append(reply.status());
		if (reply.location() != null) {
			shape.append(" location=").append(TOKEN.matcher(reply.location()).replaceAll("<token>").replaceAll("\\d+", "#"));
		}
		if (reply.json()) {
			shape.append(" json=").append(json(reply.text()));
		}
		else if (reply.html()) {
			shape.append(" messages=").append(messages(reply.text()));
			if (rows && reply.followed() == null) {
				shape.append(" rows=").append(count(reply.text(), "<tr")).append(" cells=").append(cells(reply.text()));
			}
		}
		else if (reply.type().contains(XLSX)) {
			shape.append(" sheet rows=").append(count(reply.text(), "\n"));
		}
		else if (!reply.text().isBlank()) {
			shape.append(" text=").append(clip(reply.text().replaceAll("\\d+", "#").strip(), 300));
		}
		if (reply.followed() != null) {
			shape.append(" then ").append(of(reply.followed(), false));
		}
		if (reply.job() != null) {
			shape.append(" job=").append(reply.job());
		}
		return shape.toString();
	}

	/** The text with every value the caller sent replaced by its placeholder (longest first). */
	static String replace(String text, Map<String, String> placeholders) {
		String result = text;
		List<Map.Entry<String, String>> entries = new ArrayList<>(placeholders.entrySet());
		entries.sort(Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
		for (Map.Entry<String, String> entry : entries) {
			result = result.replace(entry.getKey(), entry.getValue());
		}
		return result;
	}

	/** The reply with every value the caller sent replaced by its placeholder. */
	static Reply mask(Reply reply, Map<String, String> placeholders) {
		if (reply == null) {
			return null;
		}
		return new Reply(reply.status(), reply.type(),
				reply.location() == null ? null : replace(reply.location(), placeholders),
				replace(reply.text(), placeholders), mask(reply.followed(), placeholders),
				reply.job() == null ? null : replace(reply.job(), placeholders));
	}

	static String json(String body) {
		try {
			return json(JSON.readTree(body));
		}
		catch (RuntimeException notJson) {
			return clip(body.replaceAll("\\d+", "#"), 300);
		}
	}

	private static String json(JsonNode node) {
		if (node == null || node.isNull()) {
			return "null";
		}
		if (node.isObject()) {
			boolean party = node.has("creditCode") || node.has("idNumberMasked");
			Map<String, String> fields = new TreeMap<>();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				fields.put(field.getKey(), RANDOM.contains(field.getKey()) ? "<random>" : json(field.getValue()));
			}
			if (party) {
				SHARED.forEach(key -> fields.put(key, "<registered>"));
			}
			return fields.toString();
		}
		if (node.isArray()) {
			List<String> elements = new ArrayList<>();
			node.values().forEach(element -> elements.add(json(element)));
			// validation errors come in no fixed order
			elements.sort(null);
			return elements.toString();
		}
		if (node.isNumber()) {
			return "#";
		}
		if (node.isString()) {
			return "\"" + TOKEN.matcher(node.asString()).replaceAll("<token>").replaceAll("\\d+", "#") + "\"";
		}
		return node.toString();
	}

	/** The alerts and field messages of a page, in order. */
	static List<String> messages(String html) {
		List<String> messages = new ArrayList<>();
		Matcher matcher = MESSAGE.matcher(html);
		while (matcher.find()) {
			String text = matcher.group(3).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
			if (!text.isEmpty()) {
				messages.add(TOKEN.matcher(text).replaceAll("<token>").replaceAll("\\d{5,}", "#"));
			}
		}
		return messages;
	}

	/** The texts of a page's table cells (an import's row errors, a list's rows), numbers as #. */
	static List<String> cells(String html) {
		List<String> cells = new ArrayList<>();
		Matcher matcher = CELL.matcher(html);
		while (matcher.find()) {
			String text = matcher.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
			cells.add(TOKEN.matcher(text).replaceAll("<token>").replaceAll("\\d+", "#"));
		}
		return cells;
	}

	/** Where the two shapes first differ, with some context on either side. */
	static String difference(String a, String b) {
		int at = 0;
		while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
			at++;
		}
		int from = Math.max(0, at - 60);
		return "«…" + a.substring(from, Math.min(a.length(), at + 120)) + "…» but for a value that exists nowhere «…"
				+ b.substring(from, Math.min(b.length(), at + 120)) + "…»";
	}

	/** The cells of a workbook's first sheet, one line per row (the header row included when asked). */
	static List<List<String>> sheet(byte[] xlsx, boolean withHeader) {
		List<List<String>> rows = new ArrayList<>();
		try {
			FastExcel.read(new ByteArrayInputStream(xlsx), new cn.idev.excel.read.listener.ReadListener<Map<Integer, String>>() {
				@Override
				public void invoke(Map<Integer, String> row, cn.idev.excel.context.AnalysisContext context) {
					int width = row.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
					List<String> cells = new ArrayList<>();
					for (int i = 0; i < width; i++) {
						cells.add(row.get(i) == null ? "" : row.get(i));
					}
					rows.add(cells);
				}

				@Override
				public void doAfterAllAnalysed(cn.idev.excel.context.AnalysisContext context) {
				}
			}).sheet().headRowNumber(withHeader ? 0 : 1).doRead();
		}
		catch (RuntimeException notAWorkbook) {
			return null;
		}
		return rows;
	}

	private static int count(String text, String what) {
		int count = 0;
		for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
			count++;
		}
		return count;
	}

	static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max) + "…";
	}

}

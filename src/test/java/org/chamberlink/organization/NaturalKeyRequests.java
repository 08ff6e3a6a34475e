package org.chamberlink.organization;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.chamberlink.member.PartyKind;
import org.chamberlink.organization.NaturalKeyEndpoint.Input;
import org.chamberlink.organization.NaturalKeyEndpoint.Where;
import org.chamberlink.organization.NaturalKeyWalker.Side;
import org.chamberlink.organization.ResponseShape.Reply;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.shared.XlsxWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * The plumbing of {@link NaturalKeyWalker}: sending a request as one side (API with its token,
 * pages with its session, a redirect followed once, a background job awaited), reading a record
 * as the side sees it, entering the caller's own records (a party, a join application), filling
 * in an import template, and putting the caller's organisation back after every call.
 */
final class NaturalKeyRequests {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern JOB = Pattern.compile(".*/jobs/(\\d+)$");

	private static final AtomicLong SEQUENCE = new AtomicLong();

	private final int port;

	private final JdbcClient jdbc;

	/** Organisations after this one were created by the walk. */
	private final long startId;

	private final Map<String, List<String>> templates = new HashMap<>();

	NaturalKeyRequests(int port, JdbcClient jdbc) {
		this.port = port;
		this.jdbc = jdbc;
		this.startId = jdbc.sql("select max(id) from organization").query(Long.class).single();
	}

	/** A fresh enterprise or person of the caller's own organisation. */
	long ownParty(Side side, PartyKind kind) {
		String phone = MemberFixture.phone();
		String json = kind == PartyKind.ENTERPRISE
				? "{\"kind\":\"ENTERPRISE\",\"orgId\":" + side.ownOrg() + ",\"name\":\"本会企业" + SEQUENCE.incrementAndGet()
						+ "\",\"creditCode\":\"" + MemberFixture.creditCode() + "\",\"enterpriseKind\":\"PRIVATE_ENTERPRISE\""
						+ ",\"phone\":\"" + phone + "\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-03-01\"}"
				: "{\"kind\":\"PERSON\",\"orgId\":" + side.ownOrg() + ",\"name\":\"本会个人" + SEQUENCE.incrementAndGet()
						+ "\",\"idNumber\":\"" + MemberFixture.identityNumber() + "\",\"phone\":\"" + phone
						+ "\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-03-01\"}";
		return MemberFixture.created(api(side, "POST", "/api/v1/members", json));
	}

	// ---- issue 21: a loan referral of the caller's own, applied for, one per side
	private final Map<String, Long> referrals = new HashMap<>();

	long ownReferral(Side side) {
		return referrals.computeIfAbsent(side.label(), label -> MemberFixture.created(api(side, "POST", "/api/v1/finance/referrals",
				"{\"partyId\":" + ownParty(side, PartyKind.PERSON) + ",\"orgId\":" + side.ownOrg()
						+ ",\"amount\":\"100000\",\"purpose\":\"流动资金\",\"termMonths\":12}")));
	}
	// ---- end issue 21

	/** A join application the caller enters for its own organisation, holding the values. */
	long application(Side side, PartyKind kind, Map<String, String> values) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("kind", kind.name());
		form.put("name", values.get("name"));
		form.put("creditCode", values.get("creditCode"));
		form.put("enterpriseKind", "PRIVATE_ENTERPRISE");
		form.put("contactName", "李四");
		form.put("industryCode", "13");
		form.put("regionCode", values.getOrDefault("regionCode", NaturalKeyNeighbours.REGION));
		form.put("idNumber", values.get("idNumber"));
		form.put("phone", values.get("phone"));
		var response = api(side, "POST", "/api/v1/organizations/" + side.ownOrg() + "/join-applications",
				JSON.writeValueAsString(form));
		return MemberFixture.created(response);
	}

	/** The column headers of an upload's template (…/import/template.xlsx next to the import), or null when it has none. */
	List<String> template(NaturalKeyEndpoint e, Side side) {
		return templates.computeIfAbsent(side.label() + e.pattern(), key -> {
			List<List<String>> rows = e.pattern().contains("{") ? null
					: ResponseShape.sheet(side.web().download(e.pattern() + "/template.xlsx"), true);
			return rows == null || rows.isEmpty() ? null : rows.get(0);
		});
	}

	/** An import file of one row, as staff fill in the template. */
	static byte[] workbook(List<String> headers, PartyKind kind, Map<String, String> values, Long parent,
			String ownRegion) {
		boolean enterprise = kind == PartyKind.ENTERPRISE;
		boolean person = kind == PartyKind.PERSON;
		List<Object> row = new ArrayList<>();
		for (String header : headers) {
			row.add(switch (header) {
				case "会员类别" -> enterprise ? "企业" : "个人";
				case "名称/姓名", "名称" -> values.get("name");
				case "统一社会信用代码" -> enterprise ? values.get("creditCode") : "";
				case "企业类型" -> enterprise ? "私营企业" : "";
				case "法定代表人" -> enterprise ? "张三" : "";
				case "行业代码" -> enterprise ? "13" : "";
				case "企业规模" -> enterprise ? "小型" : "";
				case "从业人数" -> enterprise ? "25" : "";
				case "注册地区划代码", "区划代码" -> values.getOrDefault("regionCode", ownRegion);
				case "性别" -> person ? "女" : "";
				case "身份证号码" -> person ? values.get("idNumber") : "";
				case "手机号码" -> values.get("phone");
				case "会内职务" -> "会员";
				case "入会日期" -> "2024-03-01";
				case "商会类型" -> "行业商会";
				case "上级组织编号" -> String.valueOf(parent);
				case "成立日期" -> "2019-03-01";
				case "党组织" -> "无";
				case "异地企业", "高新技术", "中共党员", "已登记" -> "否";
				default -> "";
			});
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxWriter writer = XlsxWriter.open(out, "导入", headers)) {
			writer.row(row);
		}
		return out.toByteArray();
	}

	/**
	 * Sends one request as the side: to the API with its token (inputs as query and JSON body), to a
	 * page with its signed-in session (inputs as query or form, an upload as multipart). Afterwards
	 * the caller's organisation is put back ({@link #restore}).
	 */
	Reply send(Side side, NaturalKeyEndpoint e, String path, Map<String, Object> inputs, byte[] upload) {
		Map<String, Object> query = new LinkedHashMap<>();
		Map<String, Object> body = new LinkedHashMap<>();
		Map<String, String> form = new LinkedHashMap<>();
		for (Input input : e.inputs()) {
			Object value = inputs.get(input.name());
			if (value != null) {
				switch (input.where()) {
					case QUERY -> query.put(input.name(), value);
					case BODY -> body.put(input.name(), value);
					case FORM -> form.put(input.name(), value instanceof Collection<?> c
							? c.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(value));
					default -> {
					}
				}
			}
		}
		String url = path + (query.isEmpty() ? "" : "?" + query.entrySet().stream()
			.flatMap(q -> (q.getValue() instanceof Collection<?> c ? c.stream() : java.util.stream.Stream.of(q.getValue()))
				.map(v -> q.getKey() + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)))
			.collect(Collectors.joining("&")));
		try {
			if (e.api()) {
				boolean hasBody = e.inputs().stream().anyMatch(input -> input.where() == Where.BODY);
				HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
					.header("Authorization", "Bearer " + side.token())
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.method(e.method(), hasBody ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))
							: HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofByteArray());
				return reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
						response.headers().firstValue("Location").orElse(null), response.body(), null, null);
			}
			HttpResponse<String> response = e.get() ? side.web().get(url)
					: upload != null ? side.web().postFile(url, "probe.xlsx", upload, form) : side.web().postForm(url, form);
			return page(side, response, url);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(e.toString(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			restore(side);
		}
	}

	/** A page's answer; a redirect is followed once (its flash message is part of the answer), a job awaited. */
	private Reply page(Side side, HttpResponse<String> response, String url) {
		String type = response.headers().firstValue("Content-Type").orElse("");
		String location = response.headers().firstValue("Location").map(l -> side.web().location(response)).orElse(null);
		Reply followed = null;
		String job = null;
		if (location != null && location.startsWith("/") && !location.startsWith("/login")) {
			Matcher matcher = JOB.matcher(location);
			if (matcher.matches()) {
				job = job(side, Long.parseLong(matcher.group(1)), location);
			}
			HttpResponse<String> next = side.web().get(location);
			followed = reply(next.statusCode(), next.headers().firstValue("Content-Type").orElse(""), null,
					next.body().getBytes(StandardCharsets.UTF_8), null, null);
		}
		byte[] body = type.contains(ResponseShape.XLSX) ? side.web().download(url)
				: response.body().getBytes(StandardCharsets.UTF_8);
		return reply(response.statusCode(), type, location, body, followed, job);
	}

	private static Reply reply(int status, String type, String location, byte[] body, Reply followed, String job) {
		String text;
		if (type.contains(ResponseShape.XLSX)) {
			List<List<String>> rows = ResponseShape.sheet(body, true);
			text = rows == null ? "" : rows.stream().map(r -> String.join("\t", r)).collect(Collectors.joining("\n"));
		}
		else {
			text = new String(body, StandardCharsets.UTF_8);
		}
		return new Reply(status, type, location, text, followed, job);
	}

	/** A background job's outcome once it has finished: its counters, message and error report. */
	private String job(Side side, long id, String location) {
		Map<String, Object> row = await("job " + id).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
			.until(() -> jdbc.sql("select status, written, error_rows, parties_created, memberships_added, unchanged_rows, "
					+ "skipped_rows, message, result is not null as has_result from member_job where id = :id")
				.param("id", id)
				.query()
				.singleRow(), r -> "DONE".equals(r.get("status")) || "FAILED".equals(r.get("status")));
		String outcome = new java.util.TreeMap<>(row).toString();
		if (Boolean.TRUE.equals(row.get("has_result"))) {
			List<List<String>> report = ResponseShape.sheet(side.web().download(location + "/file"), false);
			outcome += " report=" + (report == null ? "?" : report.stream().map(r -> r.get(r.size() - 1)).toList());
		}
		return outcome;
	}

	/** A record as the side reads it through the API (null if it may not). */
	JsonNode state(Side side, String url) {
		var response = api(side, "GET", url, null);
		return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
	}

	private HttpResponse<String> api(Side side, String method, String url, String json) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
				.header("Authorization", "Bearer " + side.token())
				.header("Content-Type", "application/json")
				.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Puts the caller's organisation back as it was (a probe may have renamed or moved it) and
	 * retires organisations a probe created below it, so no probe's value lingers into the next.
	 */
	private void restore(Side side) {
		jdbc.sql("update organization set name = :name, region_code = :region where id = :id "
				+ "and (name <> :name or region_code <> :region)")
			.param("id", side.ownOrg())
			.param("name", side.ownName())
			.param("region", side.ownRegion())
			.update();
		jdbc.sql("update organization set status = 'DISSOLVED', name = '探测所建' || id "
				+ "where parent_id = :id and id > :start and status = 'ACTIVE'")
			.param("id", side.ownOrg())
			.param("start", startId)
			.update();
	}

}

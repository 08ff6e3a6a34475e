package org.chamberlink.support;

import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads API responses by JSON path (json-path comes with spring-boot-starter-test), never by pattern. */
public final class Json {

	private Json() {
	}

	/** The value at a path: String, Integer/Long, Double, Boolean, List or Map as JSON has it. */
	public static <T> T read(String json, String path) {
		return JsonPath.read(json, path);
	}

	public static long number(String json, String path) {
		Object value = read(json, path);
		assertThat(value).as(path + " in " + json).isInstanceOf(Number.class);
		return ((Number) value).longValue();
	}

	public static String text(String json, String path) {
		return String.valueOf((Object) read(json, path));
	}

	/** The body of a response that must be 201 Created. */
	public static String createdBody(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return response.body();
	}

	/** The id of what a 201 response created ({@code $.id}). */
	public static long created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return number(response.body(), "$.id");
	}

}

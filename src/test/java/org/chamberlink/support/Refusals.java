package org.chamberlink.support;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What decision 25 promises of a refused write, read the same way for every module: the API's 422
 * problem naming the field, and the page's form drawn again with the typed values and the message
 * on its field.
 */
public final class Refusals {

	private Refusals() {
	}

	/** A 422 problem detail whose {@code errors} name the field with a message containing the text. */
	public static void assertApiRefused(HttpResponse<String> response, String field, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		List<Map<String, String>> errors = JsonPath.read(response.body(), "$.errors");
		assertThat(errors).as(response.body())
			.anySatisfy(error -> {
				assertThat(error.get("field")).isEqualTo(field);
				assertThat(error.get("message")).contains(message);
			});
	}

	/**
	 * The form came back on the page (422, no redirect), the message under the named field, the
	 * summary at the top, and each typed value still in the form.
	 */
	public static void assertFormKept(HttpResponse<String> page, String field, String message, String... typed) {
		assertThat(page.statusCode()).as(page.headers().map().toString()).isEqualTo(422);
		assertThat(fieldMessage(page.body(), field)).as("message on " + field).contains(message);
		assertThat(page.body()).contains("data-testid=\"form-errors\"");
		for (String value : typed) {
			assertThat(page.body()).as("typed value kept").contains("value=\"" + value + "\"");
		}
	}

	/**
	 * A refused step on a page that holds several forms (a case's steps, decision 25 with issue 13): the
	 * page drawn again with 422, no redirect, the message under the named field and at the form's top,
	 * and each typed value back in its input or textarea.
	 */
	public static void assertStepRefused(HttpResponse<String> page, String field, String message, String... typed) {
		assertThat(page.statusCode()).as(page.headers().map().toString()).isEqualTo(422);
		assertThat(page.headers().firstValue("Location")).isEmpty();
		assertThat(fieldMessage(page.body(), field)).as("message on " + field).contains(message);
		assertThat(page.body()).contains("data-testid=\"form-errors\"");
		for (String value : typed) {
			assertThat(page.body().contains("value=\"" + value + "\"") || page.body().contains(">" + value + "</textarea>"))
				.as("typed value kept: " + value).isTrue();
		}
	}

	/** The text of the message drawn under a field ({@code data-field-error}), or "" when there is none. */
	public static String fieldMessage(String html, String field) {
		Matcher matcher = Pattern.compile("data-field-error=\"" + Pattern.quote(field) + "\"[^>]*>([^<]*)<").matcher(html);
		return matcher.find() ? matcher.group(1) : "";
	}

}

package org.chamberlink.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused form names the field in Chinese (请填写“名称”), never by its Java name (请填写“name”):
 * every field with a Bean Validation constraint has a label in the bundles, which Spring passes as
 * the message's {0}.
 */
class FieldLabelsTest {

	private static final Pattern CONSTRAINED = Pattern.compile(
			"@(?:NotBlank|NotNull|NotEmpty|Size|Min|Max|Pattern|Positive|PositiveOrZero|Email|DecimalMin|DecimalMax|Past|PastOrPresent|Future)"
					+ "(?:\\([^)]*\\))?\\s+(?:final\\s+)?[\\w.<>, ]+?\\s+(\\w+)\\s*[,;)=]");

	@Test
	void everyConstrainedFieldHasAChineseLabel() throws IOException {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		Set<String> unlabelled = new TreeSet<>();
		for (String field : constrainedFields(Path.of("src/main/java"))) {
			String label = messages.getMessage(field, null, null, Locale.SIMPLIFIED_CHINESE);
			if (label == null || !label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
				unlabelled.add(field);
			}
		}
		assertThat(unlabelled).as("fields whose refusal would name them in English").isEmpty();
	}

	@Test
	void theScanFindsAConstrainedRecordComponent() {
		Matcher matcher = CONSTRAINED.matcher("public record X(@NotBlank @Size(max = 200) String name, @Min(0) Integer officeArea) {}");
		Set<String> found = new TreeSet<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		assertThat(found).contains("name", "officeArea");
	}

	private static Set<String> constrainedFields(Path sources) throws IOException {
		Set<String> fields = new TreeSet<>();
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = CONSTRAINED.matcher(Files.readString(file));
				while (matcher.find()) {
					fields.add(matcher.group(1));
				}
			}
		}
		return fields;
	}

}

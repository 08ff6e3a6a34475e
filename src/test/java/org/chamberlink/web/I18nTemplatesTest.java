package org.chamberlink.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a user reads comes from the message bundles: both bundles have the same keys, every
 * key a template names exists, and no template carries hard-coded words (as spring-petclinic's
 * I18nPropertiesSyncTest checks).
 */
class I18nTemplatesTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	/** Text between tags that contains a letter: hard-coded words. */
	static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");

	static final Pattern LITERAL_ATTRIBUTE = Pattern.compile("\\s(placeholder|title|alt|aria-label)=\"([^\"]*\\p{L}[^\"]*)\"");

	/** Texts that are not words of any language: the language switch shows each language's own name. */
	static final Set<String> ALLOWED_TEXT = Set.of("|");

	@Test
	void bothBundlesHaveTheSameKeys() throws IOException {
		assertThat(load("messages_zh_CN.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!keys.contains(matcher.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			String html = Files.readString(template)
				.replaceAll("(?s)<!--.*?-->", "")
				.replaceAll("(?s)<script.*?</script>", "")
				.replaceAll("(?s)<style.*?</style>", "");
			Matcher text = TEXT_NODE.matcher(html);
			while (text.find()) {
				String value = text.group(1).trim();
				if (!value.isEmpty() && !ALLOWED_TEXT.contains(value) && !value.startsWith("[[")) {
					found.add(TEMPLATES.relativize(template) + ": " + value);
				}
			}
			Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
			while (attribute.find()) {
				found.add(TEMPLATES.relativize(template) + ": " + attribute.group(1) + "=" + attribute.group(2));
			}
		}
		assertThat(found).as("hard-coded text; use th:text=\"#{...}\"").isEmpty();
	}

	@Test
	void theHardCodedTextCheckCatchesAWord() {
		assertThat(TEXT_NODE.matcher("<p>会员列表</p>").find()).isTrue();
		assertThat(TEXT_NODE.matcher("<p th:text=\"#{x}\"></p>").find()).isFalse();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).toList();
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}

package org.chamberlink.audit;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.chamberlink.casework.CaseAction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log and the change histories speak Chinese: every action and record type any module
 * writes (found in the sources, so a new one cannot be forgotten) has its label in both bundles.
 */
class AuditLabelsTest {

	private static final Path SOURCES = Path.of("src/main/java/org/chamberlink");

	private static final Pattern LITERAL_ACTION = Pattern.compile("AuditEntry\\.of\\(\"([A-Z_]+)\"\\)");

	private static final Pattern CONSTANT = Pattern.compile("static final String \\w+ = \"([A-Z][A-Z_]+)\";");

	private static final Pattern SUMMARY_KEY = Pattern.compile("\"(audit\\.summary\\.[\\w.]+)\"");

	private static final Pattern ENTITY_TYPE = Pattern.compile("\\.entity\\(\"([A-Za-z]+)\"|\\.history\\(\"([A-Za-z]+)\"");

	@Test
	void everyActionAndRecordTypeHasALabelInBothLanguages() {
		Set<String> actions = new TreeSet<>();
		Set<String> types = new TreeSet<>();
		Set<String> summaries = new TreeSet<>();
		sources().forEach(source -> {
			SUMMARY_KEY.matcher(source).results().forEach(found -> summaries.add(found.group(1)));
			LITERAL_ACTION.matcher(source).results().forEach(found -> actions.add(found.group(1)));
			ENTITY_TYPE.matcher(source).results()
				.forEach(found -> types.add(found.group(1) != null ? found.group(1) : found.group(2)));
		});
		// the constants actions are named by (AuditAction, MemberRegistration.AUDIT_ATTACHED, …)
		CONSTANT.matcher(read(SOURCES.resolve("audit/AuditAction.java"))).results()
			.forEach(found -> actions.add(found.group(1)));
		actions.addAll(Set.of("ATTACH", "UPDATE_SHARED", "PROPOSAL_APPROVED", "PROPOSAL_REJECTED", "JOIN_APPROVED",
				"JOIN_REJECTED"));
		// casework writes CASE_ + the step's action
		Arrays.stream(CaseAction.values()).forEach(action -> actions.add("CASE_" + action));
		assertThat(actions).hasSizeGreaterThan(40);
		assertThat(types).contains("Party", "Organization", "DuesPayment", "Case", "UserAccount");
		assertThat(summaries).contains("audit.summary.otherSessionsEnded", "audit.summary.membership");
		for (String bundle : new String[] { "messages.properties", "messages_zh_CN.properties" }) {
			Properties messages = load(bundle);
			assertThat(actions).as(bundle + ": audit.action.* missing")
				.allSatisfy(action -> assertThat(messages).containsKey("audit.action." + action));
			assertThat(types).as(bundle + ": audit.entityType.* missing")
				.allSatisfy(type -> assertThat(messages).containsKey("audit.entityType." + type));
			// a key built from a field name ends with a dot in the source: each field's key is there
			assertThat(summaries).as(bundle + ": audit.summary.* missing").allSatisfy(key -> assertThat(messages.keySet()
				.stream()
				.map(Object::toString)
				.anyMatch(known -> key.endsWith(".") ? known.startsWith(key) : known.equals(key))).isTrue());
		}
	}

	private static Stream<String> sources() {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter(file -> file.toString().endsWith(".java")).map(AuditLabelsTest::read).toList().stream();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Properties load(String bundle) {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", bundle)),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}

}

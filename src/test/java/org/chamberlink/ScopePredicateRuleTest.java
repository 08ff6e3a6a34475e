package org.chamberlink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope predicate is written in one place (decision 0012): {@code scope.on("c.org_path")}
 * writes it and {@code scope.param()} binds it, so no query can pair a predicate with a pattern
 * bound under another name, and a change of how scopes are stored is one change. This test fails
 * when a module's SQL (its string literals and text blocks) writes {@code … path like :…} by hand,
 * or when code reads the raw pattern to bind it itself.
 */
class ScopePredicateRuleTest {

	private static final Path SOURCES = Path.of("src/main/java/org/chamberlink");

	private static final Pattern HAND_WRITTEN = Pattern.compile("(?i)([\\w.]*path)\\s+(?:not\\s+)?like\\s+:\\w+");

	private static final Pattern RAW_PATTERN = Pattern.compile("\\.pathPattern\\(\\)");

	// the helper itself
	private static final String HELPER = "organization/DataScope.java";

	@Test
	void everyScopePredicateIsWrittenByTheHelper() {
		assertThat(handWritten(SOURCES)).as("scope predicates written by hand (use DataScope.on and DataScope.param)")
			.isEmpty();
	}

	@Test
	void theRuleFindsAHandWrittenPredicateAndARawPattern(@TempDir Path root) throws IOException {
		Path dues = Files.createDirectories(root.resolve("dues"));
		Files.writeString(dues.resolve("Sneaky.java"), """
				class Sneaky { String a = \"""
				 select * from dues_bill b
				 where b.org_path like :scope
				 \"""; String b = "update dues_bill set paid_fen = 0 where org_path not like :mine";
				 String c = "select 1 from dues_bill b where " + scope.on("b.org_path");
				 Object d = jdbc.sql(c).param("scope", scope.pathPattern()); }
				""");
		assertThat(handWritten(root)).containsExactly("dues/Sneaky.java: .pathPattern()",
				"dues/Sneaky.java: b.org_path like :scope", "dues/Sneaky.java: org_path not like :mine");
	}

	static Set<String> handWritten(Path sources) {
		Set<String> found = new TreeSet<>();
		try (Stream<Path> files = Files.walk(sources)) {
			files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
				String relative = sources.relativize(file).toString().replace('\\', '/');
				if (relative.equals(HELPER)) {
					return;
				}
				String source = read(file);
				Matcher predicate = HAND_WRITTEN.matcher(CrossModuleSqlTest.sql(source));
				while (predicate.find()) {
					found.add(relative + ": " + predicate.group().replaceAll("\\s+", " "));
				}
				Matcher raw = RAW_PATTERN.matcher(source);
				while (raw.find()) {
					found.add(relative + ": " + raw.group());
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return found;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}

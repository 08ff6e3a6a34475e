package org.chamberlink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module's SQL names only its own tables: what another module owns is read through that
 * module's API or events (decision 0024). A table's owner is the module whose migration folder
 * ({@code db/migration/<module>/}) creates it; the SQL is every string literal and text block of a
 * module's classes. No read is excepted: the last ones that predated the rule went in decision
 * 0029, and the second test proves the rule still finds one. A module's published views
 * ({@code create view published_…} in its migrations, decision 0027) are no table: they are what
 * the owner offers others to read set-based.
 */
class CrossModuleSqlTest {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path SOURCES = Path.of("src/main/java/org/chamberlink");

	private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);

	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	private static final Pattern TABLE_USE = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+(\\w+)");

	@Test
	void aModulesSqlNamesOnlyItsOwnTables() {
		assertThat(crossModuleReads(owners(), SOURCES))
			.as("SQL naming another module's table (use that module's API, its published views or events)")
			.isEmpty();
	}

	@Test
	void theRuleFindsAForeignTableInATextBlockAndInALiteral(@org.junit.jupiter.api.io.TempDir Path root)
			throws IOException {
		Path dues = Files.createDirectories(root.resolve("dues"));
		Files.writeString(dues.resolve("Sneaky.java"), "class Sneaky { String a = \"\"\"\n select p.name\n from party p\n"
				+ " \"\"\"; String b = \"update membership set tier = 'CORE'\"; String c = \"select * from dues_bill\"; }");
		assertThat(crossModuleReads(owners(), root)).containsExactly("dues/Sneaky.java -> membership",
				"dues/Sneaky.java -> party");
	}

	/** Table → owning module, from the migration folders. */
	static Map<String, String> owners() {
		Map<String, String> owners = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			files.filter(file -> file.toString().endsWith(".sql")).forEach(file -> {
				String module = MIGRATIONS.relativize(file).getName(0).toString();
				Matcher matcher = CREATE_TABLE.matcher(read(file));
				while (matcher.find()) {
					owners.put(matcher.group(1).toLowerCase(), module);
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		assertThat(owners).as("tables found in the migration folders").containsEntry("party", "member")
			.containsEntry("organization", "organization");
		return owners;
	}

	static Set<String> crossModuleReads(Map<String, String> owners, Path sources) {
		Set<String> reads = new TreeSet<>();
		try (Stream<Path> files = Files.walk(sources)) {
			files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
				Path relative = sources.relativize(file);
				String module = relative.getName(0).toString();
				Matcher use = TABLE_USE.matcher(sql(read(file)));
				while (use.find()) {
					String owner = owners.get(use.group(1).toLowerCase());
					if (owner != null && !owner.equals(module)) {
						reads.add(relative.toString().replace('\\', '/') + " -> " + use.group(1).toLowerCase());
					}
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return reads;
	}

	/** Every text block and string literal of a source, joined: where its SQL is. */
	static String sql(String source) {
		StringBuilder sql = new StringBuilder();
		Matcher blocks = TEXT_BLOCK.matcher(source);
		while (blocks.find()) {
			sql.append(blocks.group(1)).append('\n');
		}
		Matcher literals = LITERAL.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
		while (literals.find()) {
			sql.append(literals.group(1)).append(' ');
		}
		return sql.toString();
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

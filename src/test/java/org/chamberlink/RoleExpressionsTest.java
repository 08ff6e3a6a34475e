package org.chamberlink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role expressions are written once, in {@code identity.RoleGroups}: a module names a group
 * ({@code @PreAuthorize(RoleGroups.WORKERS)}) instead of spelling {@code hasAnyRole(…)} again, so a
 * group changes in one place and a page and its API cannot drift apart.
 */
class RoleExpressionsTest {

	private static final Path SOURCES = Path.of("src/main/java/org/chamberlink");

	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	private static final Pattern ROLE_EXPRESSION = Pattern.compile("\\bhas(Any)?Role\\(");

	@Test
	void onlyRoleGroupsSpellsARoleExpression() {
		assertThat(spelledOutside(SOURCES)).as("hasRole/hasAnyRole written outside RoleGroups: name a group instead")
			.isEmpty();
	}

	@Test
	void pagesAskMayInsteadOfSpellingRoles() throws IOException {
		// a page shows an action by the same groups (Permissions, "may"), not by a role list of its own
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			assertThat(files.filter(file -> file.toString().endsWith(".html"))
				.filter(file -> ROLE_EXPRESSION.matcher(read(file)).find())
				.map(Path::toString)
				.toList()).as("hasRole/hasAnyRole in a template: use ${may.work}, ${may.administer} …").isEmpty();
		}
	}

	/** A page flag of its own (canEdit, canReveal, canDecide): what may be done is decided once, in "may". */
	private static final Pattern PERMISSION_FLAG = Pattern.compile("addAttribute\\(\"(can|may)[A-Z]\\w*\"|\\$\\{(can|may)[A-Z]\\w*");

	@Test
	void pagesHaveNoPermissionFlagsBesideMay() throws IOException {
		try (Stream<Path> files = Stream.concat(Files.walk(SOURCES), Files.walk(Path.of("src/main/resources/templates")))) {
			assertThat(files.filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".html"))
				.filter(file -> PERMISSION_FLAG.matcher(read(file)).find())
				.map(Path::toString)
				.toList()).as("a model flag like canEdit: ask ${may.work}, ${may.administer} … (web.PermissionsAdvice)")
				.isEmpty();
		}
		assertThat(PERMISSION_FLAG.matcher("model.addAttribute(\"canEdit\", true)").find()).isTrue();
		assertThat(PERMISSION_FLAG.matcher("th:if=\"${canReveal}\"").find()).isTrue();
		assertThat(PERMISSION_FLAG.matcher("th:if=\"${may.administer}\"").find()).isFalse();
	}

	@Test
	void theRuleFindsASpelledOutExpression(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("Sneaky.java"),
				"@PreAuthorize(\"hasAnyRole('STAFF')\") class Sneaky { String ok = \"RoleGroups.WORKERS\"; }");
		assertThat(spelledOutside(root)).containsExactly("Sneaky.java");
	}

	private static List<String> spelledOutside(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> !file.endsWith("RoleGroups.java"))
				.filter(file -> LITERAL.matcher(read(file)).results()
					.anyMatch(literal -> ROLE_EXPRESSION.matcher(literal.group(1)).find()))
				.map(file -> root.relativize(file).toString())
				.toList();
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

}

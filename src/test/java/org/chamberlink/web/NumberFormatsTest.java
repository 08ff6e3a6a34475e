package org.chamberlink.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One number format on every page (issue 15): counts grouped (1,234, with
 * {@code #numbers.formatInteger(x, 1, 'COMMA')}), money as ¥1,234.56 ({@code shared.Fen}), rates
 * with two decimals truncated ({@code shared.Rate}). Read from the template sources, as
 * {@link I18nTemplatesTest} reads them: what a page prints with {@code th:text} (and the figures
 * cards' {@code cardValue}/{@code cardDetail}) may not be
 * <ul>
 * <li>a numeric property of the application's records (found by their types, so a new one is
 * covered) printed as it is — a count needs {@code formatInteger}, an amount in fen
 * {@code Fen.format};</li>
 * <li>an amount formatted by {@code Fen} (a {@code String} method calling {@code Fen.format}) without
 * the ¥ before it;</li>
 * <li>a rate made by hand ({@code + ' %'}) or by Thymeleaf's rounding {@code formatDecimal},
 * {@code formatPercent}, {@code formatCurrency}.</li>
 * </ul>
 * Numbers given to a message ({@code #{key(${n})}}) are grouped by the message format and not
 * checked; identifiers (ids, years, quarters, receipt numbers, versions, ratings) are not counts.
 */
class NumberFormatsTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Names that hold numbers but are no counts: identifiers, years, ratings, ordinals. */
	private static final Pattern NOT_A_COUNT = Pattern.compile(
			"id|.*Id|year|.*Year|quarter|.*Quarter|version|receiptNo|number|rating|depth|millis|day|month|.*Code|index|row|position|rank");

	private static final Set<String> NUMERIC_TYPES = Set.of("long", "int", "short", "double", "float",
			"java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Double", "java.lang.Float",
			"java.math.BigDecimal", "java.math.BigInteger");

	/** Model attributes that are counts, put in by controllers rather than read off a record. */
	private static final Set<String> COUNT_ATTRIBUTES = Set.of("offeredCount");

	/** The progress bar of an import or export: its own 0–100, not a reported rate. */
	private static final Set<String> PROGRESS = Set.of("${job.percent()} + '%'");

	/** th:text / th:utext values, and the figures card's value and detail arguments. */
	private static final Pattern PRINTED = Pattern.compile(
			"th:u?text=\"([^\"]*)\"|(?:cardValue|cardDetail)=(.*?)(?=,\\s*card\\w+=|\\)\\}\")", Pattern.DOTALL);

	private static final Pattern HAND_MADE_RATE = Pattern.compile("\\+\\s*'\\s*%'|#numbers\\.format(?:Decimal|Percent|Currency)");

	private static final Pattern PATH = Pattern.compile("(?<![\\w.#'@])([a-zA-Z_]\\w*(?:\\.[a-zA-Z_]\\w*(?:\\(\\))?|\\[\\w+\\])*)");

	/** Calls whose arguments come out formatted. */
	private static final Pattern FORMATTING_CALL = Pattern.compile(
			"(?:formatInteger|format|of|label|Label)\\s*\\(+$");

	@Test
	void pagesPrintCountsGroupedMoneyWithYuanAndRatesFromRate() throws IOException {
		Names names = names();
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			found.addAll(findings(TEMPLATES.relativize(template).toString(), Files.readString(template), names));
		}
		assertThat(found).as("numbers printed raw; counts: #numbers.formatInteger(x, 1, 'COMMA'), money: '¥' + Fen, "
				+ "rates: shared.Rate").isEmpty();
	}

	@Test
	void theRuleCatchesARawCountMoneyWithoutYuanAndAHandMadeRate() {
		Names names = new Names(Set.of("planned", "cases"), Set.of("outstanding"));
		assertThat(findings("t", "<div th:text=\"${progress.planned}\"></div>", names)).hasSize(1);
		assertThat(findings("t", "<td th:text=\"${b.outstanding}\"></td>", names)).hasSize(1);
		assertThat(findings("t", "<div th:text=\"${rate + ' %'}\"></div>", names)).hasSize(1);
		assertThat(findings("t", "<td th:text=\"' · ' + ${b.outstanding}\"></td>", names)).hasSize(1);
		assertThat(findings("t", "<div th:replace=\"~{f :: card(cardValue=${totals.cases}, cardTestId='x')}\"></div>",
				names)).hasSize(1);
		// grouped, with ¥, a message's argument, a condition: nothing to say
		assertThat(findings("t", "<div th:text=\"${#numbers.formatInteger(progress.planned, 1, 'COMMA')}\"></div>"
				+ "<td th:text=\"'¥' + ${b.outstanding}\"></td><p th:text=\"#{x(${progress.planned})}\"></p>"
				+ "<p th:text=\"${progress.planned > 0} ? #{a} : #{b}\"></p><p th:text=\"${progress.planned} != null ? #{a} : #{b}\"></p>"
				+ "<td th:text=\"' · ¥' + ${b.outstanding}\"></td>", names)).isEmpty();
	}

	/** Numeric properties of the application's records, and the methods that format an amount with Fen. */
	record Names(Set<String> counts, Set<String> money) {
	}

	private static Names names() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.chamberlink");
		Set<String> counts = new TreeSet<>(COUNT_ATTRIBUTES);
		Set<String> money = new TreeSet<>();
		// a name that is text in some record (a mediation side's contact) is not judged as a count
		Set<String> texts = new HashSet<>();
		for (JavaClass type : classes) {
			if (type.isRecord()) {
				for (JavaField field : type.getFields()) {
					if (field.getRawType().isEquivalentTo(String.class)) {
						texts.add(field.getName());
					}
					if (!field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)
							&& NUMERIC_TYPES.contains(field.getRawType().getName())
							&& !NOT_A_COUNT.matcher(field.getName()).matches()) {
						counts.add(field.getName());
					}
				}
			}
			for (JavaMethod method : type.getMethods()) {
				if (method.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
						&& method.getRawParameterTypes().isEmpty() && method.getRawReturnType().isEquivalentTo(String.class)
						&& method.getMethodCallsFromSelf().stream().anyMatch(call ->
								call.getTargetOwner().getName().equals("org.chamberlink.shared.Fen")
										&& call.getName().equals("format"))) {
					money.add(method.getName());
				}
			}
		}
		counts.removeAll(texts);
		return new Names(counts, money);
	}

	static List<String> findings(String where, String html, Names names) {
		List<String> found = new ArrayList<>();
		Set<String> statusVariables = new HashSet<>();
		Matcher each = Pattern.compile("th:each=\"\\s*\\w+\\s*,\\s*(\\w+)\\s*:").matcher(html);
		while (each.find()) {
			statusVariables.add(each.group(1));
		}
		Matcher printed = PRINTED.matcher(html);
		while (printed.find()) {
			String value = printed.group(1) != null ? printed.group(1) : printed.group(2);
			if (PROGRESS.contains(value)) {
				continue;
			}
			if (HAND_MADE_RATE.matcher(value).find()) {
				found.add(where + ": a rate not from shared.Rate: " + value);
			}
			String outsideMessages = withoutMessages(value);
			Matcher expression = Pattern.compile("\\$\\{((?:[^{}]|\\{[^{}]*\\})*)\\}(\\s*(?:\\?(?!:)|[<>]=?|==|!=))?")
				.matcher(outsideMessages);
			while (expression.find()) {
				String inside = expression.group(1);
				// a condition (${x > 0} ? … : …, or ${x} != null ? …) decides, it does not print
				if (expression.group(2) != null || inside.matches(".*(?:[<>]=?|==|!=| gt | lt | and | or ).*")) {
					continue;
				}
				String before = outsideMessages.substring(0, expression.start()).stripTrailing();
				// '¥' + ${…}, or the ¥ ending a longer literal (' · ¥' + ${…})
				boolean yuanBefore = before.matches("(?s).*¥'\\s*\\+");
				Matcher path = PATH.matcher(inside);
				while (path.find()) {
					// a call with arguments (r.value('outcome')) answers whatever it answers: not judged by name
					if (path.end() < inside.length() && inside.charAt(path.end()) == '(') {
						continue;
					}
					String[] parts = path.group(1).replace("()", "").split("[.\\[]");
					String last = parts[parts.length - 1].replace("]", "");
					if (parts.length == 2 && statusVariables.contains(parts[0])) {
						continue;
					}
					String around = inside.substring(0, path.start()).stripTrailing();
					boolean formatted = FORMATTING_CALL.matcher(around).find() || around.endsWith("'¥' +")
							|| yuanBefore && path.start() == 0;
					if (formatted || parts[0].startsWith("T(") || inside.startsWith("T(")) {
						continue;
					}
					if (last.endsWith("Fen") || names.counts().contains(last) && !names.money().contains(last)) {
						found.add(where + ": a number printed raw: ${" + inside + "}");
					}
					else if (names.money().contains(last) && !yuanBefore) {
						found.add(where + ": money without ¥: ${" + inside + "}");
					}
				}
			}
		}
		return found;
	}

	/** The value with every message expression #{…} taken out: its arguments are formatted by the message. */
	private static String withoutMessages(String value) {
		StringBuilder kept = new StringBuilder();
		int depth = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (depth == 0 && c == '#' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
				depth = 1;
				i++;
				kept.append("#{}");
				continue;
			}
			if (depth > 0) {
				if (c == '{') {
					depth++;
				}
				else if (c == '}') {
					depth--;
				}
				continue;
			}
			kept.append(c);
		}
		return kept.toString();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

}

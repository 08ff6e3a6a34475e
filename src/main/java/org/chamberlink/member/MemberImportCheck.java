package org.chamberlink.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.region.Regions;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Checks every row of a member import in memory, by the same rules as the form (regions and
 * industries from sets read once), and refuses duplicates within the file. Each problem names
 * the column of the template it is in.
 */
@Component
class MemberImportCheck {

	private static final Map<String, Integer> COLUMN_OF_FIELD = Map.ofEntries(Map.entry("kind", 0),
			Map.entry("name", 1), Map.entry("creditCode", 2), Map.entry("enterpriseKind", 3),
			Map.entry("legalRepresentative", 4), Map.entry("industryCode", 5), Map.entry("sizeClass", 6),
			Map.entry("employees", 7), Map.entry("regionCode", 8), Map.entry("outOfTown", 9), Map.entry("highTech", 10),
			Map.entry("gender", 11), Map.entry("idNumber", 12), Map.entry("phone", 13), Map.entry("partyMember", 14),
			Map.entry("publicRoles", 15), Map.entry("role", 16), Map.entry("tier", 16), Map.entry("tierReason", 16),
			Map.entry("joinedOn", 17), Map.entry("orgId", 0));

	private final MemberRules rules;

	private final Regions regions;

	private final MessageSource messages;

	MemberImportCheck(MemberRules rules, Regions regions, MessageSource messages) {
		this.rules = rules;
		this.regions = regions;
		this.messages = messages;
	}

	/** One data row: its number in the sheet, what it says, and what is wrong with it. */
	static final class Row {

		final int number;

		NewMember member;

		final List<String> errors = new ArrayList<>();

		/** Whether a code or number in it was read otherwise than typed (full-width, spaces, 5 for 05). */
		boolean normalised;

		Row(int number) {
			this.number = number;
		}

	}

	List<Row> check(List<List<String>> rows, OrganizationSummary target, Locale locale, IntConsumer progress) {
		Set<String> regionCodes = regions.allCodes();
		Map<String, Integer> seen = new HashMap<>();
		List<Row> checked = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Row row = new Row(i + 2);
			row.member = parse(rows.get(i), target, row, locale);
			if (row.member != null) {
				for (FieldProblem problem : rules.check(row.member, target.type(), regionCodes::contains)) {
					row.errors.add(column(problem.field(), locale) + "："
							+ messages.getMessage(problem.key(), problem.args(), locale));
				}
				String key = duplicateKey(row.member);
				if (row.errors.isEmpty() && key != null) {
					Integer first = seen.putIfAbsent(key, row.number);
					if (first != null) {
						row.errors.add(messages.getMessage("memberImport.duplicateInFile", new Object[] { first }, locale));
					}
				}
			}
			checked.add(row);
			if ((i + 1) % 5_000 == 0) {
				progress.accept(i + 1);
			}
		}
		return checked;
	}

	/** The value read, noting on the row when it differs from what was typed. */
	private static String normalised(Row row, String typed, String read) {
		if (!typed.equals(read)) {
			row.normalised = true;
		}
		return read;
	}

	private NewMember parse(List<String> cells, OrganizationSummary target, Row row, Locale locale) {
		PartyKind kind = code(MemberImportCodes.KINDS, cells.get(0), 0, row, locale);
		if (kind == null) {
			if (!StringUtils.hasText(cells.get(0))) {
				row.errors.add(column("kind", locale) + "：" + messages.getMessage("import.required", null, locale));
			}
			return null;
		}
		EnterpriseKind enterpriseKind = code(MemberImportCodes.ENTERPRISE_KINDS, cells.get(3), 3, row, locale);
		SizeClass size = code(MemberImportCodes.SIZES, cells.get(6), 6, row, locale);
		Gender gender = code(MemberImportCodes.GENDERS, cells.get(11), 11, row, locale);
		MemberRole role = StringUtils.hasText(cells.get(16)) ? code(MemberImportCodes.ROLES, cells.get(16), 16, row, locale)
				: MemberRole.MEMBER;
		Integer employees = null;
		if (StringUtils.hasText(cells.get(7))) {
			try {
				employees = Integer.valueOf(cells.get(7).replaceAll("\\.0+$", ""));
			}
			catch (NumberFormatException e) {
				row.errors.add(MemberImport.HEADERS.get(7) + "：" + messages.getMessage("import.notANumber", null, locale));
			}
		}
		LocalDate joined = null;
		if (StringUtils.hasText(cells.get(17))) {
			joined = MemberImportCodes.date(cells.get(17));
			if (joined == null) {
				row.errors.add(MemberImport.HEADERS.get(17) + "：" + messages.getMessage("import.notADate", null, locale));
			}
		}
		else {
			row.errors.add(MemberImport.HEADERS.get(17) + "：" + messages.getMessage("import.required", null, locale));
		}
		Boolean outOfTown = yesNo(cells.get(9), 9, row, locale);
		Boolean highTech = yesNo(cells.get(10), 10, row, locale);
		Boolean partyMember = yesNo(cells.get(14), 14, row, locale);
		if (!row.errors.isEmpty()) {
			return null;
		}
		String creditCode = normalised(row, cells.get(2), MemberImportCodes.code(cells.get(2)));
		if (kind == PartyKind.GROUP) {
			// a body outside the tree: its name and credit code and the membership; the columns of
			// enterprises and persons say nothing of it (an organisation of the tree joins on its page)
			if (!StringUtils.hasText(cells.get(1)) && !StringUtils.hasText(creditCode)) {
				row.errors.add(column("name", locale) + "：" + messages.getMessage("import.required", null, locale));
				row.errors.add(column("creditCode", locale) + "：" + messages.getMessage("import.required", null, locale));
				return null;
			}
			return new NewMember(kind, target.id(), cells.get(1), creditCode.toUpperCase(), null, null, null, null, null,
					null, false, false, null, null, null, false, null, null, role, null, null, joined);
		}
		String industry = normalised(row, cells.get(5), MemberImportCodes.industry(cells.get(5)));
		String region = normalised(row, cells.get(8), MemberImportCodes.code(cells.get(8)));
		String idNumber = normalised(row, cells.get(12), MemberImportCodes.code(cells.get(12)));
		String phone = normalised(row, cells.get(13), MemberImportCodes.code(cells.get(13)));
		return new NewMember(kind, target.id(), cells.get(1), creditCode.toUpperCase(), enterpriseKind, cells.get(4),
				industry, size, employees, region, outOfTown, highTech, gender, idNumber, phone,
				partyMember, cells.get(15), null, role, null, null, joined);
	}

	private <T> T code(Map<String, T> words, String text, int column, Row row, Locale locale) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		T value = words.get(text.trim());
		if (value == null) {
			row.errors.add(MemberImport.HEADERS.get(column) + "：" + messages.getMessage("import.unknownWord",
					new Object[] { text.trim(), String.join("、", words.keySet().stream().sorted().toList()) }, locale));
		}
		return value;
	}

	private Boolean yesNo(String text, int column, Row row, Locale locale) {
		Boolean value = MemberImportCodes.yesNo(text);
		if (value == null) {
			row.errors.add(MemberImport.HEADERS.get(column) + "：" + messages.getMessage("import.yesNo", new Object[] { text.trim() }, locale));
		}
		return value;
	}

	private String column(String field, Locale locale) {
		Integer column = COLUMN_OF_FIELD.get(field);
		return column == null ? field : MemberImport.HEADERS.get(column);
	}

	private static String duplicateKey(NewMember member) {
		if (member.kind() == PartyKind.ENTERPRISE || member.kind() == PartyKind.GROUP) {
			// one key for both: a credit code names one body, whatever kind a row calls it
			return "credit:" + member.creditCode().trim();
		}
		if (StringUtils.hasText(member.idNumber())) {
			return "id:" + IdentityCardNumber.normalize(member.idNumber());
		}
		if (StringUtils.hasText(member.phone())) {
			return "person:" + member.name().trim() + ":" + MobilePhone.normalize(member.phone());
		}
		return "person:" + member.name().trim();
	}

}

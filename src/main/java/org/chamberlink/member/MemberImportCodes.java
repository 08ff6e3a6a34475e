package org.chamberlink.member;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.util.StringUtils;

/** The Chinese words the import template uses for codes (its second sheet lists them). */
final class MemberImportCodes {

	/** 团体: a body outside the tree (an association), by name and credit code (decision 31). */
	static final Map<String, PartyKind> KINDS = Map.of("企业", PartyKind.ENTERPRISE, "企业会员", PartyKind.ENTERPRISE, "个人",
			PartyKind.PERSON, "个人会员", PartyKind.PERSON, "团体", PartyKind.GROUP, "团体会员", PartyKind.GROUP);

	static final Map<String, EnterpriseKind> ENTERPRISE_KINDS = Map.of("私营企业", EnterpriseKind.PRIVATE_ENTERPRISE, "个体工商户",
			EnterpriseKind.INDIVIDUAL_BUSINESS, "其他", EnterpriseKind.OTHER, "其他企业", EnterpriseKind.OTHER);

	static final Map<String, SizeClass> SIZES = Map.of("大型", SizeClass.LARGE, "中型", SizeClass.MEDIUM, "小型",
			SizeClass.SMALL, "微型", SizeClass.MICRO);

	static final Map<String, Gender> GENDERS = Map.of("男", Gender.MALE, "女", Gender.FEMALE);

	static final Map<String, MemberRole> ROLES = Map.of("会长", MemberRole.PRESIDENT, "副会长", MemberRole.VICE_PRESIDENT,
			"秘书长", MemberRole.SECRETARY_GENERAL, "常务理事", MemberRole.STANDING_DIRECTOR, "理事", MemberRole.DIRECTOR,
			"监事", MemberRole.SUPERVISOR, "会员", MemberRole.MEMBER);

	private MemberImportCodes() {
	}

	static Boolean yesNo(String text) {
		if (!StringUtils.hasText(text) || text.trim().equals("否")) {
			return false;
		}
		return text.trim().equals("是") ? true : null;
	}

	/** A date as people type it in Excel, or as Excel stores one (days since 1899-12-30). */
	/**
	 * A code or number as a person typed it into a spreadsheet, as the system reads it: full-width
	 * digits and letters (１３９…, ９１…) made half-width, spaces of every kind (ideographic, non-
	 * breaking) around and inside taken out. Only for codes and numbers: names keep their
	 * full-width brackets (（有限合伙）).
	 */
	static String code(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replaceAll("[\\s\\u00A0\\u3000]+", "");
	}

	/** An industry division typed as a number (5 for 05) reads as its two digits. */
	static String industry(String text) {
		String code = code(text);
		return code != null && code.matches("\\d") ? "0" + code : code;
	}

	static LocalDate date(String text) {
		return org.chamberlink.shared.CalendarDates.read(text);
	}

}

package org.chamberlink.member.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.member.MemberFilter;
import org.chamberlink.member.MemberRow;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyKind;
import org.chamberlink.web.Pick;
import org.chamberlink.web.PickSource;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The member picker's choices: current members of the caller's subtree found as the member list's
 * keyword finds them (part of the name, a credit code, a phone's last four digits), once per party,
 * with the organisation it belongs to and its credit code to tell like names apart.
 */
@Component
class MemberPicks implements PickSource {

	private final Members members;

	MemberPicks(Members members) {
		this.members = members;
	}

	@Override
	public String name() {
		return "members";
	}

	/**
	 * The members matching what was typed; {@code enterprises}: enterprises only, each chosen by its
	 * credit code (the value a person's 领办企业 form sends) instead of its id.
	 */
	List<Pick> matching(String typed, boolean enterprises) {
		if (typed == null || typed.isBlank()) {
			return List.of();
		}
		MemberFilter current = MemberFilter.current();
		MemberFilter filter = new MemberFilter(null, enterprises ? PartyKind.ENTERPRISE : null, null, null, null, null,
				null, null, null, current.status(), null, typed, "name");
		Map<Long, Pick> picks = new LinkedHashMap<>();
		for (MemberRow row : members.search(filter, PageRequest.of(0, Pick.MOST)).getContent()) {
			picks.putIfAbsent(row.partyId(), pick(row, enterprises));
		}
		return List.copyOf(picks.values());
	}

	/** A member by id, or an enterprise by its credit code (18 letters and digits), within the caller's scope. */
	@Override
	public Optional<Pick> chosen(String value) {
		if (value == null) {
			return Optional.empty();
		}
		if (CREDIT_CODE.matcher(value).matches()) {
			return members.search(MemberFilter.none().matching(value), PageRequest.of(0, 1))
				.getContent()
				.stream()
				.findFirst()
				.map(row -> pick(row, true));
		}
		if (!value.matches("\\d{1,17}")) {
			return Optional.empty();
		}
		return members.find(Long.valueOf(value)).map(party -> new Pick(party.id().toString(), party.name(),
				party.creditCode() != null ? party.creditCode() : party.regionName()));
	}

	private static final java.util.regex.Pattern CREDIT_CODE = java.util.regex.Pattern.compile("[0-9A-Za-z]{18}");

	private static Pick pick(MemberRow row, boolean byCreditCode) {
		String value = byCreditCode ? row.creditCode() : row.partyId().toString();
		return new Pick(value, row.name(), row.creditCode() == null || byCreditCode ? row.orgName()
				: row.orgName() + " · " + row.creditCode());
	}

}

package org.chamberlink.notice;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A notice as its sender writes it. Times are China time as typed; without a publish time it is
 * published at once. Organisations are chosen among the active ones below the sender: every list
 * left empty is no limit, {@code orgIds} picks them one by one. Members are chosen among the current
 * members of the sender's subtree: by the organisations they belong to, role, tier and industry, none
 * ticked is no limit.
 *
 * @param bodyHtml rich text; sanitised on the server before it is stored ({@link NoticeHtml})
 * @param dueAt a data call's deadline (a data call only)
 */
public record NoticeForm(Long orgId, NoticeKind kind, String title, String bodyHtml,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime publishAt,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime expiresAt, Boolean pinned,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime dueAt, Boolean toOrganizations, List<String> orgLevels,
		List<String> orgTypes, List<String> orgKinds, String orgRegion, List<Long> orgIds, Boolean toMembers, List<Long> memberOrgIds,
		List<String> memberRoles, List<String> memberTiers, List<String> memberIndustries) {

	public NoticeForm {
		kind = kind == null ? NoticeKind.NOTICE : kind;
		pinned = Boolean.TRUE.equals(pinned);
		toOrganizations = Boolean.TRUE.equals(toOrganizations);
		toMembers = Boolean.TRUE.equals(toMembers);
		orgLevels = clean(orgLevels);
		orgTypes = clean(orgTypes);
		orgKinds = clean(orgKinds);
		orgIds = orgIds == null ? List.of() : orgIds.stream().filter(Objects::nonNull).distinct().toList();
		memberOrgIds = memberOrgIds == null ? List.of() : memberOrgIds.stream().filter(Objects::nonNull).distinct().toList();
		memberRoles = clean(memberRoles);
		memberTiers = clean(memberTiers);
		memberIndustries = clean(memberIndustries);
		orgRegion = orgRegion == null || orgRegion.isBlank() ? null : orgRegion.strip();
	}

	/** A notice to every organisation below the sender, published now. */
	public static NoticeForm toOrganizationsBelow(Long orgId, String title, String bodyHtml) {
		return new NoticeForm(orgId, NoticeKind.NOTICE, title, bodyHtml, null, null, false, null, true, List.of(), List.of(), List.of(),
				null, List.of(), false, List.of(), List.of(), List.of(), List.of());
	}

	/** A data call to the organisations picked one by one, due at the given time. */
	public static NoticeForm dataCall(Long orgId, String title, String bodyHtml, LocalDateTime dueAt, List<Long> orgIds) {
		return new NoticeForm(orgId, NoticeKind.DATA_CALL, title, bodyHtml, null, null, false, dueAt, true, List.of(), List.of(),
				List.of(), null, orgIds, false, List.of(), List.of(), List.of(), List.of());
	}

	public NoticeForm withMembers(List<Long> memberOrgIds, List<String> roles, List<String> tiers, List<String> industries) {
		return new NoticeForm(orgId, kind, title, bodyHtml, publishAt, expiresAt, pinned, dueAt, toOrganizations, orgLevels, orgTypes,
				orgKinds, orgRegion, orgIds, true, memberOrgIds, roles, tiers, industries);
	}

	public NoticeForm withoutOrganizations() {
		return new NoticeForm(orgId, kind, title, bodyHtml, publishAt, expiresAt, pinned, dueAt, false, orgLevels, orgTypes, orgKinds,
				orgRegion, orgIds, toMembers, memberOrgIds, memberRoles, memberTiers, memberIndustries);
	}

	private static List<String> clean(List<String> values) {
		return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
	}

}

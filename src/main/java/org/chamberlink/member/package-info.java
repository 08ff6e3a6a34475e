/**
 * Members: enterprises, persons (非公有制经济人士) and group members entered once as parties,
 * their memberships in organisations (role, tier, dated joining and leaving), join
 * applications, Excel import and export, duplicates, the member-structure figures, and the
 * member portal's first page. Every read is scoped through the membership's organisation path.
 * Publishes {@link MembershipStarted}, {@link MembershipEnded} and, for an import,
 * {@link MembershipsImported}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Members", allowedDependencies = { "shared", "organization", "identity", "privacy", "region", "notification", "audit", "web" })
package org.chamberlink.member;

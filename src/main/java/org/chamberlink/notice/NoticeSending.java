package org.chamberlink.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;
import org.chamberlink.organization.ChamberKind;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sending a notice: the form checked (each refusal naming its field), the body sanitised, the
 * notice stored with its files, and its recipients resolved and stored set-based — one
 * {@code INSERT … SELECT} over the organisation module's published tree for the organisations,
 * one over the member module's published memberships for the members — so a province-wide notice
 * is two statements, whatever its size. Publishes {@link NoticeSent}.
 */
@Service
public class NoticeSending {

	private static final Set<String> LEVELS = Set.of("PROVINCE", "CITY", "COUNTY");

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final NoticeFiles files;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	NoticeSending(JdbcClient jdbc, Organizations organizations, NoticeFiles files, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.files = files;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Long send(AccountPrincipal sender, NoticeForm form) {
		return send(sender, form, List.of(), null);
	}

	/**
	 * Sends the notice from an organisation in the caller's scope.
	 *
	 * @param template a data call's Excel template, or null
	 */
	@Transactional
	public Long send(AccountPrincipal sender, NoticeForm form, List<NoticeUpload> attachments, NoticeUpload template) {
		OrganizationSummary from = check(form, attachments, template);
		Instant now = clock.instant();
		Instant publishAt = form.publishAt() == null ? now : form.publishAt().atZone(ChinaTime.ZONE).toInstant();
		String body = NoticeHtml.sanitize(form.bodyHtml());
		Long id = jdbc.sql("""
				insert into notice (org_id, org_path, kind, title, body_html, publish_at, expires_at, pinned, due_at, audience,
				                    created_by, created_by_name, created_at)
				values (:org, :path, :kind, :title, :body, :publish, :expires, :pinned, :due, cast(:audience as jsonb), :by, :byName, :now)
				returning id
				""")
			.param("org", from.id())
			.param("path", path(from.id()))
			.param("kind", form.kind().name())
			.param("title", form.title().strip())
			.param("body", body)
			.param("publish", Timestamp.from(publishAt))
			.param("expires", timestamp(form.expiresAt()))
			.param("pinned", form.pinned())
			.param("due", form.kind() == NoticeKind.DATA_CALL ? timestamp(form.dueAt()) : null)
			.param("audience", json.writeValueAsString(audience(form)))
			.param("by", sender == null ? null : sender.id())
			.param("byName", sender == null ? null : sender.displayName())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		int orgs = form.toOrganizations() ? resolveOrganizations(id, from, form) : 0;
		int members = form.toMembers() && form.kind() == NoticeKind.NOTICE ? resolveMembers(id, from, form) : 0;
		if (orgs + members == 0) {
			throw new RuleViolationException(form.toMembers() && !form.toOrganizations() ? "toMembers" : "toOrganizations",
					"notice.noRecipients");
		}
		jdbc.sql("update notice set org_recipients = :orgs, member_recipients = :members where id = :id")
			.param("orgs", orgs)
			.param("members", members)
			.param("id", id)
			.update();
		attachments.forEach(upload -> files.store(id, null, NoticeFiles.Purpose.ATTACHMENT, upload));
		if (template != null) {
			files.store(id, null, NoticeFiles.Purpose.TEMPLATE, template);
		}
		audit.record(AuditEntry.of("NOTICE_SENT").entity("Notice", id).org(from.id()).summary("audit.summary.noticeSent",
				form.title().strip(), orgs, members));
		events.publishEvent(new NoticeSent(id, from.id(), form.kind(), publishAt, orgs, members));
		return id;
	}

	private OrganizationSummary check(NoticeForm form, List<NoticeUpload> attachments, NoticeUpload template) {
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "notice.senderRequired");
		}
		OrganizationSummary from = organizations.find(form.orgId())
			.orElseThrow(() -> new RuleViolationException("orgId", "notice.senderRequired"));
		if (form.title() == null || form.title().isBlank()) {
			throw new RuleViolationException("title", "notice.titleRequired");
		}
		TextLimit.atMost("title", "field.title", form.title(), 200);
		if (form.bodyHtml() != null && form.bodyHtml().length() > 200_000) {
			throw new RuleViolationException("bodyHtml", "input.tooLong", new org.springframework.context.support.DefaultMessageSourceResolvable(
					"field.bodyHtml"), 200_000);
		}
		LocalDateTime publish = form.publishAt() == null ? LocalDateTime.now(clock.withZone(ChinaTime.ZONE)) : form.publishAt();
		if (form.expiresAt() != null && !form.expiresAt().isAfter(publish)) {
			throw new RuleViolationException("expiresAt", "notice.expiresBeforePublished");
		}
		if (form.kind() == NoticeKind.DATA_CALL) {
			if (form.dueAt() == null) {
				throw new RuleViolationException("dueAt", "notice.dueRequired");
			}
			if (!form.dueAt().isAfter(publish)) {
				throw new RuleViolationException("dueAt", "notice.dueBeforePublished");
			}
			if (form.toMembers()) {
				throw new RuleViolationException("toMembers", "notice.dataCallOrganizationsOnly");
			}
		}
		else if (template != null) {
			throw new RuleViolationException("template", "notice.templateOnlyForDataCalls");
		}
		if (!form.toOrganizations() && !form.toMembers()) {
			throw new RuleViolationException("toOrganizations", "notice.audienceRequired");
		}
		checkChoices("orgLevels", form.orgLevels(), LEVELS);
		checkChoices("orgTypes", form.orgTypes(), names(OrganizationType.values()));
		checkChoices("orgKinds", form.orgKinds(), names(ChamberKind.values()));
		checkChoices("memberRoles", form.memberRoles(), names(MemberRole.values()));
		checkChoices("memberTiers", form.memberTiers(), names(Tier.values()));
		if (form.orgRegion() != null && !form.orgRegion().matches("\\d{2,12}")) {
			throw new RuleViolationException("orgRegion", "notice.regionInvalid");
		}
		if (form.memberIndustries().stream().anyMatch(code -> !code.matches("[A-Z0-9]{1,2}"))) {
			throw new RuleViolationException("memberIndustries", "notice.industryInvalid");
		}
		NoticeFiles.check("attachments", attachments);
		if (template != null) {
			NoticeFiles.checkWorkbook("template", template);
		}
		return from;
	}

	private static void checkChoices(String field, List<String> chosen, Set<String> allowed) {
		if (!allowed.containsAll(chosen)) {
			throw new RuleViolationException(field, "notice.choiceInvalid");
		}
	}

	private static Set<String> names(Enum<?>[] values) {
		return java.util.Arrays.stream(values).map(Enum::name).collect(java.util.stream.Collectors.toSet());
	}

	/** Every active organisation below the sender matching the chosen levels, types, kinds, region and ids. */
	private int resolveOrganizations(Long notice, OrganizationSummary from, NoticeForm form) {
		DataScope below = DataScope.subtree(path(from.id()));
		return jdbc.sql("""
				insert into notice_org_recipient (notice_id, org_id, org_path)
				select :notice, o.org_id, o.path from published_organization o
				where %s and o.org_id <> :sender and o.status = 'ACTIVE'
				  and (cardinality(cast(:levels as text[])) = 0 or o.level = any(cast(:levels as text[])))
				  and (cardinality(cast(:types as text[])) = 0 or o.type = any(cast(:types as text[])))
				  and (cardinality(cast(:kinds as text[])) = 0 or o.chamber_kind = any(cast(:kinds as text[])))
				  and (cast(:region as text) is null or o.region_code like cast(:region as text) || '%%')
				  and (cardinality(cast(:ids as bigint[])) = 0 or o.org_id = any(cast(:ids as bigint[])))
				""".formatted(below.on("o.path")))
			.param("notice", notice)
			.params(below.param())
			.param("sender", from.id())
			.param("levels", form.orgLevels().toArray(String[]::new))
			.param("types", form.orgTypes().toArray(String[]::new))
			.param("kinds", form.orgKinds().toArray(String[]::new))
			.param("region", form.orgRegion())
			.param("ids", form.orgIds().toArray(Long[]::new))
			.update();
	}

	/** Every current member of the sender's subtree (each person or enterprise once) matching the chosen organisations, roles, tiers, industries. */
	private int resolveMembers(Long notice, OrganizationSummary from, NoticeForm form) {
		DataScope subtree = DataScope.subtree(path(from.id()));
		// each person or enterprise once (a member of two organisations is reached through the first by id), in party
		// order: the primary key is appended at its edge (V142); the members counted per organisation in the same
		// statement, for the receipt board
		return jdbc.sql("""
				with stored as (
				insert into notice_member_recipient (notice_id, party_id, org_id)
				select distinct on (m.party_id) :notice, m.party_id, m.org_id from published_membership m
				where %s and m.joined_on <= :today and (m.left_on is null or m.left_on > :today)
				  and (cardinality(cast(:orgs as bigint[])) = 0 or m.org_id = any(cast(:orgs as bigint[])))
				  and (cardinality(cast(:roles as text[])) = 0 or m.role = any(cast(:roles as text[])))
				  and (cardinality(cast(:tiers as text[])) = 0 or m.tier = any(cast(:tiers as text[])))
				  and (cardinality(cast(:industries as text[])) = 0 or m.industry_code = any(cast(:industries as text[])))
				order by m.party_id, m.org_id
				returning org_id),
				counted as (
				insert into notice_member_tally (notice_id, org_id, members)
				select :notice, org_id, count(*) from stored group by org_id
				returning members)
				select coalesce(sum(members), 0) from counted
				""".formatted(subtree.on("m.org_path")))
			.param("notice", notice)
			.params(subtree.param())
			.param("today", java.time.LocalDate.now(clock.withZone(ChinaTime.ZONE)))
			.param("orgs", form.memberOrgIds().toArray(Long[]::new))
			.param("roles", form.memberRoles().toArray(String[]::new))
			.param("tiers", form.memberTiers().toArray(String[]::new))
			.param("industries", form.memberIndustries().toArray(String[]::new))
			.query(Integer.class)
			.single();
	}

	private String path(Long orgId) {
		return jdbc.sql("select path from published_organization where org_id = :id").param("id", orgId).query(String.class).single();
	}

	private static Timestamp timestamp(LocalDateTime local) {
		return local == null ? null : Timestamp.from(local.atZone(ChinaTime.ZONE).toInstant());
	}

	/** The audience as chosen, kept with the notice so its page can say whom it was meant for. */
	private static Map<String, Object> audience(NoticeForm form) {
		Map<String, Object> audience = new LinkedHashMap<>();
		audience.put("toOrganizations", form.toOrganizations());
		audience.put("orgLevels", form.orgLevels());
		audience.put("orgTypes", form.orgTypes());
		audience.put("orgKinds", form.orgKinds());
		audience.put("orgRegion", form.orgRegion());
		audience.put("orgIds", form.orgIds());
		audience.put("toMembers", form.toMembers());
		audience.put("memberOrgIds", form.memberOrgIds());
		audience.put("memberRoles", form.memberRoles());
		audience.put("memberTiers", form.memberTiers());
		audience.put("memberIndustries", form.memberIndustries());
		return audience;
	}

}

package org.chamberlink.benefit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.InitialPasswords;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner merchants (合作商户) an organisation signs: name, category, address, discount terms and
 * the period of the agreement. Staff see and keep the merchants of their subtree; one outside it
 * answers as one that does not exist. A merchant's sign-in (its till) is an identity account with
 * the {@link Role#MERCHANT} role bound to the signing organisation, opened once from its page.
 */
@Service
public class Merchants {

	static final String COLUMNS = "select m.id, m.org_id, m.org_path, null as org_name, m.name, m.category, m.address, m.terms,"
			+ " m.starts_on, m.ends_on, m.account_id, m.version from benefit_merchant m";

	/** What staff hand over once: the till's sign-in name and its initial password (changed at first sign-in). */
	public record Opened(String login, String initialPassword) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final AccountManagement accounts;

	private final Clock clock;

	Merchants(JdbcClient jdbc, DataScopes scopes, Organizations organizations, AccountManagement accounts, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The merchants of the caller's subtree, by name (at most 500). */
	@Transactional(readOnly = true)
	public List<Merchant> list() {
		DataScope scope = scopes.current();
		return named(jdbc.sql(COLUMNS + " where " + scope.on("m.org_path") + " order by m.name, m.id limit 500")
			.params(scope.param())
			.query(Merchant.class)
			.list());
	}

	@Transactional(readOnly = true)
	public Optional<Merchant> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(COLUMNS + " where m.id = :id and " + scope.on("m.org_path"))
			.param("id", id)
			.params(scope.param())
			.query(Merchant.class)
			.optional()
			.map(m -> named(List.of(m)).get(0));
	}

	public Merchant get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Merchant", id));
	}

	/** The merchant whose till the account is (a merchant's own page), if any. */
	@Transactional(readOnly = true)
	public Optional<Merchant> ofAccount(AccountPrincipal till) {
		if (till == null || !till.hasRole(Role.MERCHANT)) {
			return Optional.empty();
		}
		return jdbc.sql(COLUMNS + " where m.account_id = :account")
			.param("account", till.id())
			.query(Merchant.class)
			.optional()
			.map(m -> named(List.of(m)).get(0));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long create(MerchantForm form) {
		OrganizationSummary org = organisation(form);
		Checked checked = check(form);
		try {
			return jdbc.sql("""
					insert into benefit_merchant (org_id, org_path, name, category, address, terms, starts_on, ends_on)
					values (:org, :path, :name, :category, :address, :terms, :starts, :ends) returning id
					""")
				.param("org", org.id())
				.param("path", org.path())
				.param("name", checked.name())
				.param("category", form.category().name())
				.param("address", checked.address())
				.param("terms", checked.terms())
				.param("starts", checked.startsOn())
				.param("ends", form.endsOn())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new RuleViolationException("name", "benefit.merchant.duplicate", checked.name());
		}
	}

	/** Changes a merchant's details; the signing organisation stays (its till is bound to it). */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void update(Long id, MerchantForm form) {
		Merchant merchant = get(id);
		Checked checked = check(form);
		try {
			jdbc.sql("""
					update benefit_merchant set name = :name, category = :category, address = :address, terms = :terms,
					       starts_on = :starts, ends_on = :ends, version = version + 1
					where id = :id
					""")
				.param("id", merchant.id())
				.param("name", checked.name())
				.param("category", form.category().name())
				.param("address", checked.address())
				.param("terms", checked.terms())
				.param("starts", checked.startsOn())
				.param("ends", form.endsOn())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new RuleViolationException("name", "benefit.merchant.duplicate", checked.name());
		}
	}

	/**
	 * Opens the merchant's till: an account with the merchant role only, bound to the signing
	 * organisation, with a one-time password to change at the first sign-in.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.ADMINS)
	public Opened openAccount(Long id) {
		Merchant merchant = get(id);
		if (merchant.accountId() != null) {
			throw new RuleViolationException("account", "benefit.merchant.accountOpen");
		}
		String password = InitialPasswords.generate(12);
		AccountPrincipal account = accounts.create(new NewAccount("merchant-" + merchant.id(), merchant.name(), password,
				merchant.orgId(), Set.of(Role.MERCHANT), true));
		jdbc.sql("update benefit_merchant set account_id = :account, version = version + 1 where id = :id")
			.param("account", account.id())
			.param("id", merchant.id())
			.update();
		return new Opened(account.getUsername(), password);
	}

	private record Checked(String name, String address, String terms, LocalDate startsOn) {
	}

	private OrganizationSummary organisation(MerchantForm form) {
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "benefit.required");
		}
		return organizations.find(form.orgId())
			.orElseThrow(() -> new RuleViolationException("orgId", "benefit.organization.notFound"));
	}

	private Checked check(MerchantForm form) {
		String name = trimmed(form.name());
		if (name == null) {
			throw new RuleViolationException("name", "benefit.required");
		}
		TextLimit.atMost("name", "name", name, 100);
		if (form.category() == null) {
			throw new RuleViolationException("category", "benefit.required");
		}
		String address = trimmed(form.address());
		if (address == null) {
			throw new RuleViolationException("address", "benefit.required");
		}
		TextLimit.atMost("address", "address", address, 200);
		String terms = trimmed(form.terms());
		if (terms == null) {
			throw new RuleViolationException("terms", "benefit.required");
		}
		TextLimit.atMost("terms", "terms", terms, 500);
		LocalDate starts = form.startsOn() == null ? LocalDate.now(clock.withZone(ChinaTime.ZONE)) : form.startsOn();
		if (form.endsOn() != null && form.endsOn().isBefore(starts)) {
			throw new RuleViolationException("endsOn", "benefit.dates.order");
		}
		return new Checked(name, address, terms, starts);
	}

	static String trimmed(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private List<Merchant> named(List<Merchant> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, String> names = organizations.namesUnscoped(rows.stream().map(Merchant::orgId).toList());
		return rows.stream().map(m -> m.named(names.get(m.orgId()))).toList();
	}

}

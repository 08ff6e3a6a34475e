package org.chamberlink.member;

import java.util.List;
import java.util.Optional;

import org.chamberlink.organization.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contact data (phone, e-mail) each organisation keeps for a party it holds (decision 0019).
 * A chamber's copy is seen and changed within that chamber's subtree only: another chamber that
 * holds the same enterprise starts with its own, empty copy.
 */
@Component
class PartyContacts {

	/** The contact an account sees: the one recorded nearest the top of its subtree. */
	record Contact(Long orgId, byte[] phoneCipher, String phoneMasked, String email) {
	}


	private final JdbcClient jdbc;

	PartyContacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Contact> visible(Long partyId, DataScope scope) {
		return jdbc.sql("""
				select org_id, phone_cipher, phone_masked, email from party_contact
				where party_id = :party and %s
				order by length(org_path), updated_at desc
				limit 1
				""".formatted(scope.on("org_path")))
			.param("party", partyId)
			.params(scope.param())
			.query(Contact.class)
			.optional();
	}

	/** Records what the organisation was told when it entered the member; keeps what it had where nothing was typed. */
	void record(Long partyId, Long orgId, String orgPath, PersonalValues phone, String email) {
		jdbc.sql("""
				insert into party_contact (party_id, org_id, org_path, phone_cipher, phone_hash, phone_masked,
				                           phone_last4, email)
				values (:party, :org, :path, :cipher, :hash, :masked, :last4, :email)
				on conflict (party_id, org_id) do update set
				    phone_cipher = coalesce(excluded.phone_cipher, party_contact.phone_cipher),
				    phone_hash = coalesce(excluded.phone_hash, party_contact.phone_hash),
				    phone_masked = coalesce(excluded.phone_masked, party_contact.phone_masked),
				    phone_last4 = coalesce(excluded.phone_last4, party_contact.phone_last4),
				    email = coalesce(excluded.email, party_contact.email), updated_at = now()
				""")
			.param("party", partyId)
			.param("org", orgId)
			.param("path", orgPath)
			.param("cipher", phone.cipher())
			.param("hash", phone.hash())
			.param("masked", phone.masked())
			.param("last4", phone.last4())
			.param("email", email)
			.update();
	}

	/**
	 * Sets the phone in every copy of the caller's subtree (a county editing its chamber's member
	 * changes that chamber's copy, never a neighbour's); copies are made for organisations of the
	 * subtree that hold the party but had none.
	 */
	void setPhone(Long partyId, DataScope scope, PersonalValues phone) {
		ensureCopies(partyId, scope);
		jdbc.sql("""
				update party_contact set phone_cipher = :cipher, phone_hash = :hash, phone_masked = :masked,
				       phone_last4 = :last4, updated_at = now()
				where party_id = :party and %s
				""".formatted(scope.on("org_path")))
			.param("cipher", phone.cipher())
			.param("hash", phone.hash())
			.param("masked", phone.masked())
			.param("last4", phone.last4())
			.param("party", partyId)
			.params(scope.param())
			.update();
	}

	/** Sets the e-mail in every copy of the caller's subtree. */
	void setEmail(Long partyId, DataScope scope, String email) {
		ensureCopies(partyId, scope);
		jdbc.sql("update party_contact set email = :email, updated_at = now() where party_id = :party and "
				+ scope.on("org_path"))
			.param("email", email)
			.param("party", partyId)
			.params(scope.param())
			.update();
	}

	/** The member's own address, given to every organisation the member currently belongs to. */
	void setOwnEmail(Long partyId, String email) {
		ensureCopies(partyId, DataScope.all());
		jdbc.sql("""
				update party_contact c set email = :email, updated_at = now()
				where c.party_id = :party
				  and exists (select 1 from membership m where m.party_id = c.party_id and m.org_id = c.org_id
				              and m.left_on is null)
				""")
			.param("email", email)
			.param("party", partyId)
			.update();
	}

	/** The address a notice from this organisation goes to: its own copy, else one recorded below it. */
	Optional<String> emailFor(Long partyId, String orgPath) {
		DataScope subtree = DataScope.subtree(orgPath);
		return jdbc.sql("""
				select email from party_contact
				where party_id = :party and %s and email is not null
				order by length(org_path), updated_at desc
				limit 1
				""".formatted(subtree.on("org_path")))
			.param("party", partyId)
			.params(subtree.param())
			.query(String.class)
			.optional();
	}

	/** As {@link #emailFor}, the phone (encrypted) where no address is kept: notices then go by SMS. */
	Optional<byte[]> phoneFor(Long partyId, String orgPath) {
		DataScope subtree = DataScope.subtree(orgPath);
		return jdbc.sql("""
				select phone_cipher from party_contact
				where party_id = :party and %s and phone_cipher is not null
				order by length(org_path), updated_at desc
				limit 1
				""".formatted(subtree.on("org_path")))
			.param("party", partyId)
			.params(subtree.param())
			.query(byte[].class)
			.optional();
	}

	/** The member's own address as they last gave it (any copy of theirs; the newest). */
	Optional<String> ownEmail(Long partyId) {
		return jdbc.sql("select email from party_contact where party_id = :party and email is not null order by updated_at desc limit 1")
			.param("party", partyId)
			.query(String.class)
			.optional();
	}

	/** Parties of the subtree whose phone ends in these four digits. */
	List<Long> partiesByPhoneSuffix(String last4, DataScope scope) {
		return jdbc.sql("select distinct party_id from party_contact where phone_last4 = :last4 and "
				+ scope.on("org_path"))
			.param("last4", last4)
			.params(scope.param())
			.query(Long.class)
			.list();
	}

	/** A merge takes the duplicate's copies where the survivor has none of its own. */
	void moveAll(Long fromPartyId, Long toPartyId) {
		jdbc.sql("""
				insert into party_contact (party_id, org_id, org_path, phone_cipher, phone_hash, phone_masked,
				                           phone_last4, email, updated_at)
				select :to, org_id, org_path, phone_cipher, phone_hash, phone_masked, phone_last4, email, updated_at
				from party_contact where party_id = :from
				on conflict (party_id, org_id) do update set
				    phone_cipher = coalesce(party_contact.phone_cipher, excluded.phone_cipher),
				    phone_hash = coalesce(party_contact.phone_hash, excluded.phone_hash),
				    phone_masked = coalesce(party_contact.phone_masked, excluded.phone_masked),
				    phone_last4 = coalesce(party_contact.phone_last4, excluded.phone_last4),
				    email = coalesce(party_contact.email, excluded.email)
				""")
			.param("from", fromPartyId)
			.param("to", toPartyId)
			.update();
		jdbc.sql("delete from party_contact where party_id = :from").param("from", fromPartyId).update();
	}

	private void ensureCopies(Long partyId, DataScope scope) {
		jdbc.sql("""
				insert into party_contact (party_id, org_id, org_path)
				select distinct m.party_id, m.org_id, m.org_path from membership m
				where m.party_id = :party and %s
				on conflict (party_id, org_id) do nothing
				""".formatted(scope.on("m.org_path")))
			.param("party", partyId)
			.params(scope.param())
			.update();
	}

}

package org.chamberlink.member;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shows one identity number or phone in full to a role that needs it (administrators of the
 * organisation or above), and records who saw which value of whom; staff see masks only.
 */
@Service
public class PersonalDataReveal {


	/** The identity number is one of the person's registered facts; the phone is the caller's subtree's own copy. */
	public enum Field {

		ID_NUMBER, PHONE

	}

	private final JdbcClient jdbc;

	private final Members members;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final PartyContacts contacts;

	PersonalDataReveal(JdbcClient jdbc, Members members, PersonalData personalData, AuditTrail audit,
			PartyContacts contacts) {
		this.contacts = contacts;
		this.jdbc = jdbc;
		this.members = members;
		this.personalData = personalData;
		this.audit = audit;
	}

	@Transactional
	@PreAuthorize(RoleGroups.ADMINS)
	public String reveal(Long partyId, Field field) {
		PartyDetails party = members.get(partyId);
		byte[] cipher = switch (field) {
			case ID_NUMBER -> jdbc.sql("select id_number_cipher from party where id = :id")
				.param("id", party.id())
				.query(byte[].class)
				.optional()
				.orElse(null);
			case PHONE -> contacts.visible(partyId, members.scope()).map(PartyContacts.Contact::phoneCipher).orElse(null);
		};
		if (cipher == null) {
			throw new RecordNotFoundException(field.name(), partyId);
		}
		audit.record(AuditEntry.of(AuditAction.REVEAL).entity("Party", partyId).org(members.callerOrgId()).summary(field.name()));
		return personalData.decrypt(cipher);
	}

}

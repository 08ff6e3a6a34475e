package org.chamberlink.member;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.web.RecordNotFoundException;

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

	public static final String REVEALERS = "hasAnyRole('SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'CHAMBER_ADMIN')";

	public enum Field {

		ID_NUMBER("id_number_cipher"), PHONE("phone_cipher");

		private final String column;

		Field(String column) {
			this.column = column;
		}

	}

	private final JdbcClient jdbc;

	private final Members members;

	private final PersonalData personalData;

	private final AuditTrail audit;

	PersonalDataReveal(JdbcClient jdbc, Members members, PersonalData personalData, AuditTrail audit) {
		this.jdbc = jdbc;
		this.members = members;
		this.personalData = personalData;
		this.audit = audit;
	}

	@Transactional
	@PreAuthorize(REVEALERS)
	public String reveal(Long partyId, Field field) {
		PartyDetails party = members.get(partyId);
		// The column name comes from the enum, never from the request.
		java.util.List<byte[]> stored = jdbc.sql("select " + field.column + " from party where id = :id")
			.param("id", party.id())
			.query(byte[].class)
			.list();
		byte[] cipher = stored.isEmpty() ? null : stored.get(0);
		if (cipher == null) {
			throw new RecordNotFoundException(field.name(), partyId);
		}
		audit.record(AuditEntry.of(AuditAction.REVEAL).entity("Party", partyId).summary(field.name()));
		return personalData.decrypt(cipher);
	}

}

package org.chamberlink.activity;

import java.time.Clock;

import org.chamberlink.member.MobilePhone;
import org.chamberlink.privacy.Masks;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Guests who are not members (来宾): a name and a mobile phone, the phone stored encrypted with a
 * keyed hash to find the guest again and a masked copy to show (decision 13).
 */
@Component
class ActivityGuests {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Clock clock;

	ActivityGuests(JdbcClient jdbc, PersonalData personalData, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.clock = clock;
	}

	/** A guest added by name and mobile phone (kept protected and masked); the same phone twice is refused. */
	Long insert(ActivityView activity, String name, String phone, boolean walkIn) {
		String guest = ActivityInput.required(name, 50, "guestName", "field.guestName");
		if (!MobilePhone.isValid(phone)) {
			throw new RuleViolationException("guestPhone", "activity.guestPhoneInvalid");
		}
		String normalized = MobilePhone.normalize(phone);
		return jdbc.sql("""
				insert into activity_attendee (activity_id, guest_name, guest_phone_cipher, guest_phone_hash, guest_phone_masked, status,
				    walk_in, registered_at, registered_by)
				values (:activity, :name, :cipher, :hash, :masked, 'REGISTERED', :walkIn, :now, :by)
				on conflict (activity_id, guest_phone_hash) where guest_phone_hash is not null and status <> 'CANCELLED' do nothing
				returning id
				""")
			.param("activity", activity.id())
			.param("name", guest)
			.param("cipher", personalData.encrypt(normalized))
			.param("hash", personalData.hash(normalized))
			.param("masked", Masks.phone(normalized))
			.param("walkIn", walkIn)
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("by", ActivityActor.accountId())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RuleViolationException("guestPhone", "activity.guestTwice"));
	}

	/** The phone's keyed hash, by which a guest is found again. */
	byte[] phoneHash(String phone) {
		return personalData.hash(MobilePhone.normalize(phone));
	}

}

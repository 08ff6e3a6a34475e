package org.chamberlink.honour;

import java.time.LocalDate;

/** One nominee on the public notice: name, enterprise or organisation, level — never a phone or identity number. */
public record NoticeEntry(Long nominationId, String nomineeName, String nomineeOrgName, HonourLevel level, LocalDate noticeUntil) {
}

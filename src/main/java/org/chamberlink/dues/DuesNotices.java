package org.chamberlink.dues;

import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.notification.Channel;
import org.chamberlink.notification.OutgoingMessage;
import org.chamberlink.shared.Fen;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The text of the mail dues send, from the {@code mail.dues.*} keys of the message bundles rather
 * than concatenated in code, so wording is changed in one place and reviewed with the other texts.
 */
@Component
class DuesNotices {

	private final MessageSource messages;

	DuesNotices(MessageSource messages) {
		this.messages = messages;
	}

	/** A reminder before the due date, or after it ({@code overdue}); the key de-duplicates it in the outbox. */
	OutgoingMessage reminder(String email, String partyName, String orgName, int year, long amountFen,
			long outstandingFen, LocalDate dueOn, boolean overdue, String key) {
		String when = overdue ? "after" : "before";
		// Years and dates go in as text: MessageFormat would print 2026 as "2,026".
		return new OutgoingMessage(Channel.MAIL, email,
				text("mail.dues.reminder." + when + ".subject", orgName, String.valueOf(year)),
				text("mail.dues.reminder." + when + ".body", partyName, orgName, String.valueOf(year),
						Fen.format(amountFen), Fen.format(outstandingFen), dueOn.toString()),
				DuesReminders.TOPIC, key);
	}

	/** The confirmation of a payment, with the part that became credit when there is one. */
	OutgoingMessage receipt(String email, String partyName, String orgName, int year, long fen, long creditFen,
			long receiptNo, Long entryId) {
		String receipt = Receipt.number(receiptNo);
		String credit = creditFen > 0 ? text("mail.dues.receipt.credit", Fen.format(creditFen)) : "";
		return new OutgoingMessage(Channel.MAIL, email, text("mail.dues.receipt.subject", orgName, receipt),
				text("mail.dues.receipt.body", partyName, orgName, String.valueOf(year), Fen.format(fen),
						ChineseAmount.of(fen), receipt, credit),
				"dues.receipt", "dues.receipt:" + entryId);
	}

	// notices go out in Chinese, the language of every office and member (decision 9)
	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
	}

}

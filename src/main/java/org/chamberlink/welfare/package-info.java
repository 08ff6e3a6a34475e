/**
 * Public welfare (光彩事业): villages and communities under a township of the region tree, the
 * pairing of member enterprises and chambers with a village (结对帮扶, 百企帮百村), village economic
 * advisers, projects with money committed and delivered as dated payments, donation campaigns with
 * pledges, numbered receipts, donation certificates, transfers and a public thank-you roll, and
 * support agreements (帮扶协议) with member households and enterprises. Money is never edited:
 * corrections are new entries. Publishes {@link PairingProjectDelivered} and
 * {@link DonationReceived} for the points ledger; figures through the figures SPI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Welfare", allowedDependencies = { "shared", "member", "organization",
		"region", "identity", "audit", "casework", "web" })
package org.chamberlink.welfare;

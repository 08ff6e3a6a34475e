/**
 * Member cards and partner merchants (会员卡与合作商户, decision 0041): every member holds a digital
 * card in the portal whose QR code is a signed, short-lived code; partner merchants signed by an
 * organisation check a card on their one page and record a use. A card is valid only while the
 * member's dues are in good standing, asked of the dues module at check time, so a payment makes
 * it valid in the request that records it. Publishes {@link CardUsed}; figures through the
 * figures SPI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benefit", allowedDependencies = { "shared",
		"member", "organization", "identity", "dues", "web" })
package org.chamberlink.benefit;

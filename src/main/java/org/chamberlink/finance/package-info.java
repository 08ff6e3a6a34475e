/**
 * Financing (decision 0042): bank cooperation agreements (银企合作 / 客户群体担保贷款协议) an
 * organisation signs with a bank, loan referrals — a member applies in the portal or through staff,
 * the chamber recommends the application to a bank under an active agreement covering it, the bank's
 * outcome is recorded — and each organisation's mutual guarantee fund (联保基金), an insert-only
 * ledger of contributions, guarantees, releases and defaults whose balance a guarantee may not
 * exceed. Figures through the figures SPI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finance", allowedDependencies = { "shared", "member", "organization",
		"identity", "audit", "web" })
package org.chamberlink.finance;

/**
 * Investment projects (招商引资, decision 0042): a project with its industry (the member module's
 * GB/T 4754 list), its investor (a member or an outside company), where the investor comes from (a
 * region), planned / contracted / invested amounts, its stage — lead → negotiating → signed → started
 * → producing, one step forward at a time, each dated and audited — the responsible organisation and
 * its documents. Figures by stage, industry, origin and period through the figures SPI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Investment", allowedDependencies = { "shared", "member", "organization",
		"region", "identity", "audit", "web" })
package org.chamberlink.investment;

/**
 * 三公开 disclosure (党务、会务、财务公开): an organisation publishes to its members, once per
 * calendar year, its party affairs (text, documents), its chamber affairs (resolutions taken from
 * its activities' minutes or typed, leadership changes) and its finances — income computed from the
 * dues ledger and the donation ledger by category through those modules' APIs, expenses entered
 * with their vouchers, the balance. Publishing freezes the computed income. Members read their
 * organisations' disclosures in the portal; the level above sees which organisations of its
 * subtree have not published for the last year (decision 0043).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure", allowedDependencies = { "shared", "member",
		"organization", "dues", "welfare", "activity", "identity", "audit", "web" })
package org.chamberlink.disclosure;

/**
 * Publications: the policy library (政策法规库) — policies with their issuer, document number, validity,
 * regions, industries and topics, searched by Chinese keyword through bigrams (decision 0040), a
 * member's "policies for me" and mail to subscribers when one is published.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publications", allowedDependencies = { "shared", "member", "organization",
		"region", "notification", "identity", "audit", "web" })
package org.chamberlink.publication;

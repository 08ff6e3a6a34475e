/**
 * Proposals (提案素材, 建言献策): members (in the portal) and chambers (staff) submit suggestions —
 * a topic from a fixed list, the problem, the suggestion; a federation merges suggestions of its
 * subtree into a proposal handed to a people's-congress deputy (人大代表) or a CPPCC member
 * (政协委员) — a person of the member registry holding that public role — and records what became
 * of it: submitted, answered by a department (with the answer attached), adopted, or a leader's
 * instruction (批示), each step dated and audited. Submitters see the outcome in the portal.
 * Figures by topic and outcome through the figures SPI (decision 0043).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Proposals", allowedDependencies = { "shared", "member",
		"organization", "identity", "audit", "web" })
package org.chamberlink.proposal;

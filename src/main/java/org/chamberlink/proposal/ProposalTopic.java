package org.chamberlink.proposal;

/** The fixed list of topics a suggestion is filed under (words in the bundles: proposal.topic.*). */
public enum ProposalTopic {
	BUSINESS_ENVIRONMENT, FINANCING, TAX_FEES, INNOVATION, TALENT, RURAL_REVITALIZATION, OTHER
}

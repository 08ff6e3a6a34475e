package org.chamberlink.casework.web;

import java.util.List;

import org.chamberlink.casework.CaseAttachments;
import org.chamberlink.casework.CaseKind;
import org.chamberlink.casework.CaseStep;
import org.chamberlink.casework.CaseView;
import org.chamberlink.casework.Cases;
import org.chamberlink.casework.MediationRecords;

import org.springframework.stereotype.Component;

/** What every case API call answers with: the case, its trail, files and (mediation) sides and sessions. */
@Component
class CaseDetailsReader {

	/** A case with its trail, files and (mediation) sides and sessions. */
	record CaseDetails(CaseView caseView, List<CaseStep> trail, List<CaseAttachments.Attachment> attachments,
			List<MediationRecords.Side> sides, List<MediationRecords.Session> sessions) {
	}

	private final Cases cases;

	private final CaseAttachments attachments;

	private final MediationRecords mediation;

	CaseDetailsReader(Cases cases, CaseAttachments attachments, MediationRecords mediation) {
		this.cases = cases;
		this.attachments = attachments;
		this.mediation = mediation;
	}

	CaseDetails of(Long id) {
		CaseView view = cases.get(id);
		boolean mediationCase = view.kind() == CaseKind.MEDIATION;
		return new CaseDetails(view, cases.trail(id), attachments.of(id),
				mediationCase ? mediation.sides(id) : List.of(), mediationCase ? mediation.sessions(id) : List.of());
	}

}

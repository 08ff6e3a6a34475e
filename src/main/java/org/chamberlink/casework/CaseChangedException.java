package org.chamberlink.casework;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The case was changed by someone else after the form was drawn: its version moved (decision 54).
 * Nothing was written. A page keeps the form and says so (409); the API answers 409 with
 * {@code problem.conflict} (web.UnroutedErrorHandler).
 */
public class CaseChangedException extends OptimisticLockingFailureException {

	public CaseChangedException(Long caseId) {
		super("Case " + caseId + " was changed by someone else since the form was drawn");
	}

}

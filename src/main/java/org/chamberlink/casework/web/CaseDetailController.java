package org.chamberlink.casework.web;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One case's page ({@link CaseDetailPage}). Its step forms post to the controllers of their group:
 * {@link CaseIntakeController}, {@link CaseWorkController}, {@link CaseTransferController},
 * {@link CaseClosingController}, {@link MediationStepController}, {@link CaseFollowUpController}, and
 * files to {@link CaseAttachmentController}.
 */
@Controller
class CaseDetailController {

	private final CaseDetailPage page;

	CaseDetailController(CaseDetailPage page) {
		this.page = page;
	}

	@GetMapping("/cases/{id}")
	@PreAuthorize(RoleGroups.READERS)
	String detail(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		return page.render(id, me, model);
	}

}

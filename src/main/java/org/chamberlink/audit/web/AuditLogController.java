package org.chamberlink.audit.web;

import org.chamberlink.shared.PageSizes;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;

import org.chamberlink.audit.AuditFilter;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.web.Fragments;

import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page for administrators: filter by who, what, which record and when. */
@Controller
class AuditLogController {

	static final int PAGE_SIZE = PageSizes.LOG;

	private final AuditTrail audit;

	AuditLogController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String log(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		AuditFilter filter = new AuditFilter(actor, action, entityType, entityId, from, to);
		model.addAttribute("filter", filter);
		model.addAttribute("actions", audit.actions());
		model.addAttribute("entries", audit.search(filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return Fragments.pageOr(request, "audit/log", "results");
	}

}

package org.chamberlink.notice.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.notice.DataCalls;
import org.chamberlink.notice.NoticeView;
import org.chamberlink.notice.Notices;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A data call's progress board for its sender: returning a reply with a reason, all replies as a zip, the templates merged. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class DataCallController {

	private final Notices notices;

	private final DataCalls dataCalls;

	private final MessageSource messages;

	DataCallController(Notices notices, DataCalls dataCalls, MessageSource messages) {
		this.notices = notices;
		this.dataCalls = dataCalls;
		this.messages = messages;
	}

	@GetMapping("/notices/{id}/replies")
	String board(@PathVariable Long id, Model model) {
		return page(id, model);
	}

	@PostMapping("/notices/{id}/replies/{orgId}/return")
	@PreAuthorize(RoleGroups.WORKERS)
	String returnReply(@PathVariable Long id, @PathVariable Long orgId, @RequestParam(required = false) String reason, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			dataCalls.returnReply(id, orgId, reason);
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("return", orgId, e, messages, locale, "reason", reason));
			return page(id, model);
		}
		redirect.addFlashAttribute("success", "notice.reply.returned");
		return "redirect:/notices/" + id + "/replies";
	}

	@GetMapping("/notices/{id}/replies.zip")
	ResponseEntity<byte[]> zip(@PathVariable Long id) {
		NoticeView call = dataCall(id);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		dataCalls.zip(id, out);
		return download(out.toByteArray(), call.title() + ".zip", "application/zip");
	}

	@GetMapping("/notices/{id}/replies.xlsx")
	ResponseEntity<byte[]> merged(@PathVariable Long id, Locale locale) {
		NoticeView call = dataCall(id);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		dataCalls.merged(id, messages.getMessage("notice.merged.organization", null, locale), out);
		return download(out.toByteArray(), call.title() + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	private NoticeView dataCall(Long id) {
		NoticeView call = notices.get(id);
		if (!call.dataCall()) {
			throw new RecordNotFoundException("Notice", id);
		}
		return call;
	}

	private String page(Long id, Model model) {
		NoticeView call = dataCall(id);
		var board = dataCalls.board(id);
		model.addAttribute("notice", call);
		model.addAttribute("board", board);
		model.addAttribute("progress", dataCalls.progress(board));
		return "notice/replies";
	}

	private static ResponseEntity<byte[]> download(byte[] content, String name, String type) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

}

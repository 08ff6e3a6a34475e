package org.chamberlink.organization.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationDetails;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A chamber's public join page as a printable poster with its QR code: pinned up at a meeting or
 * sent in a WeChat group, an entrepreneur scans it and applies on the phone. Only where the page
 * takes applications; anywhere else it is not found, as outside the scope.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class JoinPosterController {

	private static final int SIZE = 480;

	private final Organizations organizations;

	JoinPosterController(Organizations organizations) {
		this.organizations = organizations;
	}

	@GetMapping("/organizations/{id}/join-poster")
	String poster(@PathVariable Long id, Model model) {
		model.addAttribute("org", joinable(id));
		model.addAttribute("joinUrl", joinUrl(id));
		return "organization/join-poster";
	}

	@GetMapping("/organizations/{id}/join-qr.png")
	ResponseEntity<byte[]> qr(@PathVariable Long id) throws IOException, WriterException {
		joinable(id);
		BitMatrix matrix = new QRCodeWriter().encode(joinUrl(id), BarcodeFormat.QR_CODE, SIZE, SIZE,
				Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION,
						ErrorCorrectionLevel.M));
		BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
			}
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition", "inline; filename=\"join-" + id + ".png\"")
			.body(png.toByteArray());
	}

	private OrganizationDetails joinable(Long id) {
		OrganizationDetails org = organizations.details(id);
		if (!org.acceptsJoinApplications() || !"ACTIVE".equals(org.status())) {
			throw new RecordNotFoundException("Organization", id);
		}
		return org;
	}

	/** The join page's address as this request reached the server (behind a proxy: its forwarded host). */
	private static String joinUrl(Long id) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/join/{id}").buildAndExpand(id).toUriString();
	}

}

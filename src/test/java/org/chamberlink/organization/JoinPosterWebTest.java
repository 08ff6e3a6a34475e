package org.chamberlink.organization;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A chamber's join page as a poster whose QR code, scanned, opens that page. */
@IntegrationTest
class JoinPosterWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theQrCodeOnTheChambersPosterOpensItsJoinPage() throws Exception {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("二维码");
		WebSession secretary = WebSession.signedIn(port, tree.account(tree.chamber(), Role.CHAMBER_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
		assertThat(secretary.get("/organizations/" + tree.chamber()).body()).contains("join-poster-link");
		String poster = secretary.get("/organizations/" + tree.chamber() + "/join-poster").body();
		String joinUrl = "http://localhost:" + port + "/join/" + tree.chamber();
		assertThat(poster).contains("微信扫码，在线申请入会", joinUrl, "/organizations/" + tree.chamber() + "/join-qr.png");

		byte[] png = secretary.download("/organizations/" + tree.chamber() + "/join-qr.png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
		assertThat(scanned).isEqualTo(joinUrl);

		// a federation takes no applications, and the neighbour's chamber is outside the scope: both not found
		WebSession county = WebSession.signedIn(port, tree.account(tree.county(), Role.FEDERATION_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
		assertThat(county.get("/organizations/" + tree.county() + "/join-poster").statusCode()).isEqualTo(404);
		assertThat(county.get("/organizations/" + tree.neighbour() + "/join-qr.png").statusCode()).isEqualTo(404);
		assertThat(county.get("/organizations/" + tree.chamber() + "/join-qr.png").statusCode()).isEqualTo(200);
	}

}

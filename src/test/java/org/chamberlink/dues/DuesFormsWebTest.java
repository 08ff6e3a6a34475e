package org.chamberlink.dues;

import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chamberlink.support.Refusals.assertApiRefused;
import static org.chamberlink.support.Refusals.assertFormKept;

/** Decision 25 for dues: a refused payment, waiver or refund keeps what was typed and writes nothing. */
@IntegrationTest
@Tag("database")
class DuesFormsWebTest {

	static final int YEAR = LocalDate.now(ChinaTime.ZONE).getYear();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	String token;

	WebSession clerk;

	long bill;

	@BeforeEach
	void aBill() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "会费表单省工商联" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		long chamber = fixture.chamber("INDUSTRY", "长安区五金商会", "130102", county);
		token = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		long party = MemberFixture.enterprise(port, token, chamber, "石家庄五金有限公司", MemberFixture.creditCode(),
				MemberFixture.phone());
		DuesFixture.schedule(port, token, chamber, YEAR, "500");
		DuesFixture.bill(port, token, chamber, YEAR);
		bill = jdbc.sql("select id from dues_bill where party_id = :p").param("p", party).query(Long.class).single();
		clerk = WebSession.signedIn(port,
				new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN).getUsername(), TestAccounts.PASSWORD);
		clerk.get("/dues/bills/" + bill);
	}

	@Test
	void aBankPaymentWithoutReferenceIsRefusedByTheApiNamingTheReference() {
		assertApiRefused(Api.post(port, "/api/v1/dues/bills/" + bill + "/payments", token,
				DuesFixture.paymentJson("123.45", "BANK", null)), "reference", "交易流水号");
		assertThat(entries()).isZero();
	}

	@Test
	void aRefusedPaymentComesBackWithTheAmountAndNoteTypedAndTheMessageOnTheReference() {
		var page = clerk.postForm("/dues/bills/" + bill + "/payments", Map.of("amount", "123.45", "paidOn",
				LocalDate.now(ChinaTime.ZONE).toString(), "method", "BANK", "reference", "", "note", "三月转账"));
		assertFormKept(page, "reference", "交易流水号", "123.45", "三月转账");
		assertThat(page.body()).contains("<option value=\"BANK\" selected=\"selected\">");
		assertThat(entries()).isZero();
	}

	@Test
	void aRefusedWaiverKeepsTheReasonTypedAndNamesTheApprover() {
		var page = clerk.postForm("/dues/bills/" + bill + "/waivers", Map.of("amount", "100", "reason", "门店拆迁停业"));
		assertFormKept(page, "approver", "批准人", "100", "门店拆迁停业");
		assertThat(entries()).isZero();
	}

	@Test
	void aReversalWithoutReasonIsNamedUnderThatPaymentAndTheReceiptStands() {
		long payment = DuesFixture.pay(port, token, bill, "100");
		var page = clerk.postForm("/dues/bills/" + bill + "/entries/" + payment + "/reverse", Map.of("reason", " "));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(org.chamberlink.support.Refusals.fieldMessage(page.body(), "reason")).contains("冲正原因");
		assertThat(entries()).as("the payment only, no reversal").isEqualTo(1);
	}

	private long entries() {
		return jdbc.sql("select count(*) from dues_entry where bill_id = :b").param("b", bill).query(Long.class).single();
	}

}

package org.chamberlink.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Dues through the API for tests: a schedule, a finished billing run, a payment. */
public final class DuesFixture {

	private DuesFixture() {
	}

	public static void schedule(int port, String token, long org, int year, String memberAmount) {
		HttpResponse<String> response = Api.put(port, "/api/v1/organizations/" + org + "/dues-schedule", token,
				scheduleJson(year, memberAmount));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	public static String scheduleJson(int year, String memberAmount) {
		return "{\"year\":" + year + ",\"proration\":\"MONTHLY\",\"dueOn\":\"" + year + "-03-31\",\"amounts\":{"
				+ "\"PRESIDENT\":\"50000\",\"VICE_PRESIDENT\":\"10000\",\"DIRECTOR\":\"3000\",\"MEMBER\":\"" + memberAmount
				+ "\"}}";
	}

	/** Starts a billing run and waits for it; returns the run as JSON. */
	public static String bill(int port, String token, long org, int year) {
		HttpResponse<String> started = Api.post(port, "/api/v1/organizations/" + org + "/dues-billing", token,
				"{\"year\":" + year + "}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		long runId = Json.number(started.body(), "$.id");
		String run = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
			.until(() -> Api.get(port, "/api/v1/dues/billing-runs/" + runId, token).body(),
					body -> List.of("DONE", "FAILED").contains(Json.text(body, "$.status")));
		assertThat(Json.text(run, "$.status")).as(run).isEqualTo("DONE");
		return run;
	}

	public static String paymentJson(String amount, String method, String reference) {
		return "{\"amount\":\"" + amount + "\",\"paidOn\":\"" + LocalDate.now(ChinaTime.ZONE) + "\",\"method\":\""
				+ method + "\"" + (reference == null ? "" : ",\"reference\":\"" + reference + "\"") + "}";
	}

	/** Records a payment and returns its ledger entry (= receipt) id. */
	public static long pay(int port, String token, long bill, String amount) {
		HttpResponse<String> response = Api.post(port, "/api/v1/dues/bills/" + bill + "/payments", token,
				paymentJson(amount, "CASH", null));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Json.number(response.body(), "$.entryId");
	}

}

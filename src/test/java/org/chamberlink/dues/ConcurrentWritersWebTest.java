package org.chamberlink.dues;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Concurrent writers on one record and a database that keeps a writer waiting (issue 23, decision
 * 54): payments recorded at the same moment on one bill all land, each once, and the bill adds up;
 * a writer kept waiting for a row another transaction holds gives up after the lock timeout with a
 * clear message — a problem detail (409) for the API, the error page (409) for the page — and
 * writes nothing; every pooled connection carries the statement and lock timeouts.
 */
@IntegrationTest
@Tag("database")
class ConcurrentWritersWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	DuesChamber dues;

	@BeforeEach
	void aChamberBilled() {
		dues = DuesChamber.arrange(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc);
		dues.billed(DuesChamber.YEAR);
	}

	@Test
	void paymentsRecordedAtTheSameMomentOnOneBillAllLandOnceAndTheBillAddsUp() throws Exception {
		long bill = dues.billOf(dues.enterprise, DuesChamber.YEAR);
		int writers = 6;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return dues.pay(bill, "100", "CASH", null);
			}));
		}
		start.countDown();
		List<Long> receipts = new ArrayList<>();
		for (Future<HttpResponse<String>> answer : answers) {
			HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			receipts.add(Json.number(response.body(), "$.receiptNo"));
		}
		pool.shutdown();

		assertThat(receipts).as("one receipt number each").doesNotHaveDuplicates();
		assertThat(jdbc.sql("select count(*) from dues_entry where bill_id = :b and kind = 'PAYMENT'").param("b", bill)
			.query(Long.class).single()).isEqualTo(writers);
		// ¥600 received on a ¥500 bill: ¥500 settles it, ¥100 is the member's credit
		String standing = dues.bill(bill);
		assertThat(Json.number(standing, "$.bill.paidFen")).isEqualTo(50_000);
	}

	@Test
	void aPaymentKeptWaitingForTheBillAnswersAConflictAndWritesNothing() throws Exception {
		long bill = dues.billOf(dues.person, DuesChamber.YEAR);
		WebSession clerk = WebSession.signedIn(port,
				new TestAccounts(accountManagement).createIn(dues.chamber(), Role.CHAMBER_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
		clerk.get("/dues/bills/" + bill);
		try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
			other.setAutoCommit(false);
			// another writer holds the bill (an import, a clerk on another instance) past the lock timeout
			statement.execute("select id from dues_bill where id = " + bill + " for update");

			HttpResponse<String> api = dues.pay(bill, "100", "CASH", null);
			assertThat(api.statusCode()).isEqualTo(409);
			assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
			assertThat(Json.text(api.body(), "$.detail")).contains("其他人刚刚同时修改了同一条记录");

			HttpResponse<String> page = clerk.postForm("/dues/bills/" + bill + "/payments", Map.of("amount", "100",
					"paidOn", LocalDate.now(ChinaTime.ZONE).toString(), "method", "CASH", "reference", "", "note", ""));
			assertThat(page.statusCode()).isEqualTo(409);
			assertThat(page.body()).contains("其他人刚刚同时修改了同一条记录").doesNotContain("Exception");
			other.rollback();
		}
		assertThat(jdbc.sql("select count(*) from dues_entry where bill_id = :b").param("b", bill).query(Long.class).single())
			.as("nothing half-written").isZero();
		assertThat(dues.pay(bill, "100", "CASH", null).statusCode()).as("once the other writer is done").isEqualTo(201);
	}

	@Test
	void everyPooledConnectionCarriesTheStatementAndLockTimeouts() {
		assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("2min");
		assertThat(jdbc.sql("show lock_timeout").query(String.class).single()).isEqualTo("10s");
		// a statement past its timeout arrives as the exception the error handler answers with 503
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			jdbc.sql("set local statement_timeout = 100").update();
			jdbc.sql("select pg_sleep(2)").query().singleRow();
		})).isInstanceOf(QueryTimeoutException.class);
	}

}

package org.chamberlink.identity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The API tokens this instance has checked, for a minute each (decision 54): a request with a known
 * token needs no database round trip. Revocation still holds on every instance: the database tells
 * every instance of any change to a token or an account at commit ({@code NOTIFY
 * chamberlink_api_token}, triggers of V133), and each instance forgets everything it holds. The cache
 * answers only while this instance is listening: before the listener is up, after its connection
 * broke, or when the pool is not a Hikari pool (no URL to open the listener's own connection with),
 * every request goes to the database as before.
 */
@Component
class ApiTokenCache implements DisposableBean {

	static final String CHANNEL = "chamberlink_api_token";

	/** As long as a token's "last used" may lag (ApiToken#used records a use at most once a minute). */
	static final long TTL_SECONDS = 60;

	private static final Logger log = LoggerFactory.getLogger(ApiTokenCache.class);

	private record Entry(AccountPrincipal principal, Instant until) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/** Moves on at every change notice and every (re)connection: a lookup begun before may not fill the cache. */
	private final AtomicLong generation = new AtomicLong();

	private final DataSource dataSource;

	private volatile boolean listening;

	private volatile boolean stopped;

	private volatile Connection connection;

	private Thread listener;

	ApiTokenCache(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	Optional<AccountPrincipal> get(String hash, Instant now) {
		if (!listening) {
			return Optional.empty();
		}
		Entry entry = entries.get(hash);
		if (entry == null || !now.isBefore(entry.until())) {
			return Optional.empty();
		}
		return Optional.of(entry.principal());
	}

	/** The generation to hand back to {@link #put} after the database lookup. */
	long generation() {
		return generation.get();
	}

	/** Keeps a principal the database confirmed, unless a change notice came since {@code seen}. */
	void put(String hash, AccountPrincipal principal, Instant now, long seen) {
		if (!listening || entries.size() > 100_000) {
			return;
		}
		entries.put(hash, new Entry(principal, now.plusSeconds(TTL_SECONDS)));
		if (generation.get() != seen) {
			entries.remove(hash);
		}
	}

	void clear() {
		generation.incrementAndGet();
		entries.clear();
	}

	/** Forgets everything once the current transaction commits (this instance's own changes, without waiting for the notice). */
	void clearAfterCommit() {
		clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					clear();
				}
			});
		}
	}

	boolean isListening() {
		return listening;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startListening() {
		if (!(unwrap() instanceof HikariDataSource hikari) || hikari.getJdbcUrl() == null) {
			log.info("API token cache off: the pool is not a Hikari pool with a URL");
			return;
		}
		listener = new Thread(() -> listen(hikari), "api-token-notices");
		listener.setDaemon(true);
		listener.start();
	}

	private Object unwrap() {
		try {
			return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : dataSource;
		}
		catch (SQLException e) {
			return dataSource;
		}
	}

	private void listen(HikariDataSource hikari) {
		long backoff = 100;
		while (!stopped) {
			try (Connection c = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword())) {
				connection = c;
				try (Statement statement = c.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection pg = c.unwrap(PGConnection.class);
				clear();
				listening = true;
				backoff = 100;
				while (!stopped) {
					PGNotification[] notices = pg.getNotifications(5_000);
					if (notices != null && notices.length > 0) {
						clear();
					}
					else if (!c.isValid(2)) {
						throw new SQLException("the listener's connection is gone");
					}
				}
			}
			catch (SQLException | RuntimeException e) {
				if (!stopped) {
					log.warn("API token cache off until the database answers again: {}", e.getMessage());
				}
			}
			finally {
				listening = false;
				clear();
				connection = null;
			}
			if (!stopped) {
				try {
					TimeUnit.MILLISECONDS.sleep(backoff);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
				backoff = Math.min(backoff * 2, 10_000);
			}
		}
	}

	@Override
	public void destroy() {
		stopped = true;
		listening = false;
		Connection c = connection;
		if (c != null) {
			try {
				c.close();
			}
			catch (SQLException e) {
				// closing anyway
			}
		}
		if (listener != null) {
			listener.interrupt();
		}
	}

}

package org.chamberlink.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * The outbox fault: 2,000 mails queued, instance A killed with -9 while the two instances send
 * them to a counting SMTP sink on {@code MAIL_PORT} (which answers each mail after a few
 * milliseconds, so the kill finds mails in the middle of being sent). Afterwards every queued mail
 * must have arrived — none lost — and none as two mails: the sink counts by Message-ID, which the
 * outbox fixes per row (a kill between the SMTP server's yes and the row marked sent re-delivers
 * that row with the same Message-ID; the run reports how many). The instances must run with {@code MAIL_PORT} and a short outbox lease
 * ({@code CHAMBERLINK_NOTIFICATION_LEASE=20s}) so the killed instance's claims are taken over soon.
 */
final class OutboxFault {

	static final int MAILS = Integer.parseInt(MixedLoad.env("OUTBOX_MAILS", "2000"));

	private final MixedLoad load;

	private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

	private final AtomicInteger deliveries = new AtomicInteger();

	private final Map<String, Long> firstDelivery = new ConcurrentHashMap<>();

	private volatile boolean stop;

	OutboxFault(MixedLoad load) {
		this.load = load;
	}

	void run() throws Exception {
		int port = Integer.parseInt(MixedLoad.env("MAIL_PORT", "3223"));
		ServerSocket server = new ServerSocket(port, 100, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> accept(server), "smtp-sink");
		acceptor.setDaemon(true);
		acceptor.start();
		String topic = "load-" + load.run;
		List<Long> ids = new ArrayList<>();
		try (Connection c = load.connect()) {
			c.setAutoCommit(false);
			try (PreparedStatement s = c.prepareStatement("""
					insert into notification_outbox (channel, recipient, subject, body, topic, dedup_key)
					values ('MAIL', ?, ?, ?, ?, ?) returning id""")) {
				for (int i = 0; i < MAILS; i++) {
					s.setString(1, "member" + i + "@example.com");
					s.setString(2, "负载测试邮件 " + i);
					s.setString(3, "这是故障测试的第 " + i + " 封邮件。");
					s.setString(4, topic);
					s.setString(5, topic + "-" + i);
					try (var r = s.executeQuery()) {
						r.next();
						ids.add(r.getLong(1));
					}
				}
			}
			c.commit();
		}
		Instant started = Instant.now();
		System.out.printf(Locale.ROOT, "Queued %,d mails (topic %s); SMTP sink on port %d%n", MAILS, topic, port);
		// kill A once a tenth has arrived and more than one batch is claimed: both instances are then sending
		int batch = Integer.parseInt(MixedLoad.env("CHAMBERLINK_NOTIFICATION_BATCH_SIZE", "50"));
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> deliveries.get() >= MAILS / 10
				&& claimed(topic).size() > batch);
		List<Long> claimedAtKill = claimed(topic);
		int sendingAtKill = claimedAtKill.size();
		int deliveredAtKill = deliveries.get();
		load.script("kill", "A");
		Instant killed = Instant.now();
		long killedAt = System.nanoTime();
		System.out.printf(Locale.ROOT, "Instance A killed after %,d deliveries; %d mails were claimed (SENDING) then%n", deliveredAtKill,
				sendingAtKill);
		// B takes over A's claims once their lease runs out
		await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			try (Connection c = load.connect()) {
				return "0".equals(MixedLoad.value(c,
						"select count(*) from notification_outbox where topic = ? and status not in ('SENT', 'DEAD')", topic));
			}
		});
		Instant drained = Instant.now();
		// a re-delivery would arrive by now: B has nothing left to send
		stop = true;
		server.close();
		int dead;
		try (Connection c = load.connect()) {
			dead = Integer.parseInt(MixedLoad.value(c, "select count(*) from notification_outbox where topic = ? and status = 'DEAD'", topic));
		}
		// the killed instance's claims: delivered only after their lease ran out (the live instance renews its own)
		long lease = Duration.parse("PT" + MixedLoad.env("CHAMBERLINK_NOTIFICATION_LEASE", "5m").toUpperCase(Locale.ROOT)).toNanos();
		long takenOver = claimedAtKill.stream()
			.map(id -> firstDelivery.get("<outbox-" + id + "@chamberlink>"))
			.filter(at -> at != null && at - killedAt >= lease * 3 / 4)
			.count();
		long missing = ids.stream().filter(id -> !received.containsKey("<outbox-" + id + "@chamberlink>")).count();
		// a mail the receiver would see twice: two different Message-IDs for one outbox row (never possible by
		// construction: one ID per row) — or one ID delivered twice, when the kill fell between the SMTP
		// server's yes and the outbox marking the row sent (at-least-once; the receiver can drop it by its ID)
		long redelivered = received.values().stream().filter(n -> n.get() > 1).count();
		long strangers = received.keySet().stream()
			.filter(id -> ids.stream().noneMatch(o -> id.equals("<outbox-" + o + "@chamberlink>")))
			.count();
		String md = String.format(Locale.ROOT, """
				Outbox fault run %s, %s UTC: %,d mails queued; instance A killed (-9) after %,d had arrived, with %d claimed (SENDING) by
				the two instances; %d of those were A's: sent by B only after their lease ran out; all sent %.1f s after the kill.
				SMTP sink: %,d deliveries, %,d distinct Message-IDs; **missing: %d, distinct mails beyond those queued: %d**;
				re-delivered with the same Message-ID: %d; dead: %d.
				Load average %s.
				""", load.run, Instant.now().truncatedTo(ChronoUnit.SECONDS), MAILS, deliveredAtKill, sendingAtKill,
				takenOver, Duration.between(killed, drained).toMillis() / 1000.0, deliveries.get(), received.size(), missing, strangers, redelivered, dead,
				loadText());
		Files.createDirectories(load.out);
		Files.writeString(load.out.resolve("result.md"), md);
		System.out.println(md);
		System.out.println("(started " + started + "; kept in " + load.out.toAbsolutePath() + ")");
		if (missing > 0 || strangers > 0 || takenOver == 0) {
			System.out.println(takenOver == 0 ? "Instance A held no claim when killed: run again" : "Mail lost");
			System.exit(1);
		}
	}

	private List<Long> claimed(String topic) throws java.sql.SQLException {
		try (Connection c = load.connect()) {
			return MixedLoad.longs(c, "select id from notification_outbox where topic = ? and status = 'SENDING'", topic);
		}
	}

	private static String loadText() {
		double[] l = MixedLoad.loadAverage();
		return String.format(Locale.ROOT, "%.2f, %.2f, %.2f", l[0], l[1], l[2]);
	}

	private void accept(ServerSocket server) {
		while (!stop) {
			try {
				Socket socket = server.accept();
				Thread t = new Thread(() -> session(socket), "smtp-session");
				t.setDaemon(true);
				t.start();
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	/** Just enough SMTP for JavaMail: no extensions, every command accepted, the Message-ID counted. */
	private void session(Socket socket) {
		try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
				OutputStream out = socket.getOutputStream()) {
			reply(out, "220 sink ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
				switch (command) {
					case "EHLO", "HELO" -> reply(out, "250 sink");
					case "DATA" -> {
						reply(out, "354 go ahead");
						String messageId = null;
						String data;
						while ((data = in.readLine()) != null && !data.equals(".")) {
							if (messageId == null && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
								messageId = data.substring(11).trim();
							}
						}
						// a mail takes a moment to be taken over: the kill can fall between the sink's yes and the outbox's "sent"
						java.util.concurrent.locks.LockSupport.parkNanos(15_000_000);
						if (messageId != null) {
							received.computeIfAbsent(messageId, k -> new AtomicInteger()).incrementAndGet();
							firstDelivery.putIfAbsent(messageId, System.nanoTime());
						}
						deliveries.incrementAndGet();
						reply(out, "250 queued");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 ok");
				}
			}
		}
		catch (IOException gone) {
			// the instance was killed, or the run ended
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

}

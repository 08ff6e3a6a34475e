package org.chamberlink.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.chamberlink.Application;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cost of a request before any work (issue 23): an authenticated no-op, {@code GET /api/v1/me},
 * once with a personal API token and once with a signed-in session (JDBC session), timed by a client
 * in its own JVM ({@link RequestCostClient}) against this running application: one connection one
 * request after another (latency), then four connections at once (under load).
 * {@code BENCHMARK_ONLY=requestcost ./mvnw -q test-compile exec:exec}; a fresh database of its own in
 * target/requestcost (no province needed). {@code REQUESTCOST_JFR=1} also records a JFR profile of
 * the server during the measured runs (target/requestcost/server.jfr). Not a test: it measures.
 */
public final class RequestCostBenchmark {

	private static final String PASSWORD = "Benchmark-Passw0rd-1";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		Path dir = Path.of("target", "requestcost").toAbsolutePath();
		Files.createDirectories(dir);
		// application.yml names ${PORT:8080}, which outranks the builder's default properties
		System.setProperty("server.port", "0");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.properties("server.port=0", "chamberlink.embedded-db.data-directory=" + dir.resolve("postgres"),
					"chamberlink.embedded-db.port=15524", "chamberlink.privacy.key-file=" + dir.resolve("privacy.key"),
					"chamberlink.demo.enabled=false", "chamberlink.admin.password=" + PASSWORD,
					"logging.level.root=warn", "logging.level.org.chamberlink.request=warn", "spring.main.banner-mode=off",
					"spring.flyway.out-of-order=true")
			.run(args);
		try {
			run(context, dir);
		}
		finally {
			context.close();
		}
	}

	private static void run(ConfigurableApplicationContext context, Path dir) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		String username = "bench-" + System.nanoTime();
		AccountPrincipal account = context.getBean(AccountManagement.class)
			.create(new NewAccount(username, "基准测试", PASSWORD, null, Set.of(Role.SYSTEM_ADMIN), false));
		String token = context.getBean(ApiTokens.class).create(account.id(), "request-cost").secret();
		String session = signIn(port, username);
		String me = "http://localhost:" + port + "/api/v1/me";

		Recording recording = null;
		if (System.getenv("REQUESTCOST_JFR") != null) {
			recording = new Recording(Configuration.getConfiguration("profile"));
			recording.start();
		}
		List<String> lines = new ArrayList<>();
		lines.add("| Request | Connections | Client-measured latency, throughput |");
		lines.add("|---|---|---|");
		for (int threads : new int[] { 1, 4 }) {
			lines.add("| GET /api/v1/me, API token | " + threads + " | "
					+ client(me, "Authorization: Bearer " + token, threads) + " |");
			lines.add("| GET /api/v1/me, session cookie | " + threads + " | " + client(me, "Cookie: SESSION=" + session, threads)
					+ " |");
		}
		if (recording != null) {
			recording.dump(dir.resolve("server.jfr"));
			recording.close();
		}
		String load = Files.readString(Path.of("/proc/loadavg")).trim();
		lines.add("");
		lines.add("load average before/after: see above; after: " + load);
		Files.writeString(dir.resolve("results.md"), String.join("\n", lines) + "\n");
		System.out.println();
		lines.forEach(System.out::println);
	}

	/** Runs the client in its own JVM and returns its one line of figures. */
	private static String client(String url, String header, int threads) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		int requests = Integer.parseInt(System.getenv().getOrDefault("REQUESTCOST_REQUESTS", "2000"));
		Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				RequestCostClient.class.getName(), url, header, String.valueOf(threads), String.valueOf(requests / threads),
				String.valueOf(Math.max(500, requests / 2 / threads)))
			.redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		process.waitFor();
		String load = Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
		System.out.println(url + " [" + header.substring(0, header.indexOf(':')) + ", " + threads + "] " + out + " load1=" + load);
		return out + " (load " + load + ")";
	}

	/** Signs in through the login form as a browser does and returns the SESSION cookie's value. */
	private static String signIn(int port, String username) throws IOException, InterruptedException {
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		String base = "http://localhost:" + port;
		String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in failed: " + login.headers().map());
		}
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
			.map(HttpCookie::getValue).findFirst().orElseThrow();
	}

}

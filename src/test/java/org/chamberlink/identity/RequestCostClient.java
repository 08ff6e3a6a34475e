package org.chamberlink.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The request-cost benchmark's client, run as its own JVM (so the server's JVM times nothing of its
 * own): {@code RequestCostClient URL HEADER:VALUE THREADS REQUESTS_PER_THREAD WARMUP}. Each thread
 * keeps one HTTP/1.1 connection and sends its requests one after another; the client prints one
 * line: {@code n=… p50=… p95=… p99=… rps=… errors=…} (milliseconds).
 */
public final class RequestCostClient {

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		String[] header = args[1].split(":", 2);
		int threads = Integer.parseInt(args[2]);
		int requests = Integer.parseInt(args[3]);
		int warmup = Integer.parseInt(args[4]);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<long[]>> runs = new ArrayList<>();
		long started = 0;
		for (int phase = 0; phase < 2; phase++) {
			int n = phase == 0 ? warmup : requests;
			runs.clear();
			started = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				runs.add(pool.submit(() -> run(uri, header, n)));
			}
			for (Future<long[]> run : runs) {
				run.get();
			}
		}
		long elapsed = System.nanoTime() - started;
		long[] all = runs.stream().flatMapToLong(f -> {
			try {
				return Arrays.stream(f.get());
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).toArray();
		pool.shutdown();
		long errors = Arrays.stream(all).filter(t -> t < 0).count();
		long[] times = Arrays.stream(all).filter(t -> t >= 0).sorted().toArray();
		System.out.printf(java.util.Locale.ROOT, "n=%d p50=%.2f p95=%.2f p99=%.2f rps=%.0f errors=%d%n", all.length,
				pct(times, 0.50), pct(times, 0.95), pct(times, 0.99), all.length / (elapsed / 1e9), errors);
	}

	private static long[] run(URI uri, String[] header, int n) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(uri).header(header[0].trim(), header[1].trim())
			.header("Accept", "application/json").GET().build();
		long[] times = new long[n];
		for (int i = 0; i < n; i++) {
			long t0 = System.nanoTime();
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			long t = System.nanoTime() - t0;
			times[i] = response.statusCode() == 200 ? t : -1;
		}
		return times;
	}

	private static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

}

package org.chamberlink.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal POSIX ustar writer: directories and regular files, names split into prefix and name
 * when longer than 100 bytes. Enough for a PostgreSQL data directory, whose files are below 1 GB
 * each (a segment) and whose paths are short; what {@code tar -xzf} on any Linux reads.
 */
final class TarWriter implements AutoCloseable {

	private static final int BLOCK = 512;

	private final OutputStream out;

	private final long mtime = System.currentTimeMillis() / 1000;

	TarWriter(OutputStream out) {
		this.out = out;
	}

	void directory(String name) throws IOException {
		header(name.endsWith("/") ? name : name + "/", 0, '5', 0700);
	}

	void file(String name, byte[] content) throws IOException {
		header(name, content.length, '0', 0600);
		out.write(content);
		pad(content.length);
	}

	/**
	 * Exactly {@code size} bytes from the stream: a file that shrank while being read (a relation
	 * truncated during an online backup) is padded with zeros, as pg_basebackup does; WAL replay
	 * puts it right. Bytes beyond {@code size} (it grew) are left for the WAL as well.
	 */
	void file(String name, long size, InputStream content) throws IOException {
		header(name, size, '0', 0600);
		byte[] buffer = new byte[64 * 1024];
		long left = size;
		while (left > 0) {
			int read = content == null ? -1 : content.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				Arrays.fill(buffer, (byte) 0);
				while (left > 0) {
					int n = (int) Math.min(buffer.length, left);
					out.write(buffer, 0, n);
					left -= n;
				}
				break;
			}
			out.write(buffer, 0, read);
			left -= read;
		}
		pad(size);
	}

	@Override
	public void close() throws IOException {
		out.write(new byte[BLOCK * 2]);
		out.close();
	}

	private void pad(long size) throws IOException {
		int rest = (int) (size % BLOCK);
		if (rest != 0) {
			out.write(new byte[BLOCK - rest]);
		}
	}

	private void header(String path, long size, char type, int mode) throws IOException {
		byte[] header = new byte[BLOCK];
		byte[] full = path.getBytes(StandardCharsets.UTF_8);
		String name = path;
		String prefix = "";
		if (full.length > 100) {
			int cut = path.lastIndexOf('/', path.length() - 2);
			while (cut > 0 && (path.substring(0, cut).getBytes(StandardCharsets.UTF_8).length > 155
					|| path.substring(cut + 1).getBytes(StandardCharsets.UTF_8).length > 100)) {
				cut = path.lastIndexOf('/', cut - 1);
			}
			if (cut <= 0) {
				throw new IOException("Path too long for a tar entry: " + path);
			}
			prefix = path.substring(0, cut);
			name = path.substring(cut + 1);
		}
		put(header, 0, 100, name.getBytes(StandardCharsets.UTF_8));
		octal(header, 100, 8, mode);
		octal(header, 108, 8, 0);
		octal(header, 116, 8, 0);
		octal(header, 124, 12, size);
		octal(header, 136, 12, mtime);
		Arrays.fill(header, 148, 156, (byte) ' ');
		header[156] = (byte) type;
		put(header, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
		put(header, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
		put(header, 345, 155, prefix.getBytes(StandardCharsets.UTF_8));
		long sum = 0;
		for (byte b : header) {
			sum += b & 0xff;
		}
		octal(header, 148, 7, sum);
		header[155] = ' ';
		out.write(header);
	}

	private static void put(byte[] header, int offset, int length, byte[] value) {
		System.arraycopy(value, 0, header, offset, Math.min(length, value.length));
	}

	/** Zero-padded octal digits and a terminating NUL in {@code length} bytes. */
	private static void octal(byte[] header, int offset, int length, long value) {
		String digits = Long.toOctalString(value);
		if (digits.length() > length - 1) {
			throw new IllegalArgumentException("Value too large for a tar header field: " + value);
		}
		String padded = "0".repeat(length - 1 - digits.length()) + digits;
		put(header, offset, length - 1, padded.getBytes(StandardCharsets.US_ASCII));
		header[offset + length - 1] = 0;
	}

}

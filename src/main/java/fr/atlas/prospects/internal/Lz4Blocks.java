package fr.atlas.prospects.internal;

import java.util.Arrays;

import net.jpountz.lz4.LZ4CompressorWithLength;
import net.jpountz.lz4.LZ4DecompressorWithLength;
import net.jpountz.lz4.LZ4Factory;

/**
 * What an import stores in bulk (its uploaded file, its row outcomes) compressed with LZ4
 * before PostgreSQL sees it (ADR 0020): PostgreSQL then writes, logs and keeps about half
 * the bytes, and its own compression, pglz, is several times slower. lz4-java's native
 * library compresses this text at about 320 MB/s, its plain-Java code at about 75 MB/s,
 * which would cost a million-row import seconds of its busiest thread: the native one is
 * used wherever it loads (the JVM is started with {@code --enable-native-access}), the
 * Java one otherwise, with the same output. Each block carries its length.
 */
final class Lz4Blocks {

	private static final LZ4Factory LZ4 = factory();

	private static final LZ4CompressorWithLength COMPRESSOR = new LZ4CompressorWithLength(LZ4.fastCompressor());

	private Lz4Blocks() {
	}

	/**
	 * The native implementation wherever it loads. Not {@code fastestInstance()}: that
	 * one tries the native library only for classes of the system class loader, and the
	 * packaged application's classes are not (Spring Boot's launcher loads them).
	 */
	private static LZ4Factory factory() {
		try {
			return LZ4Factory.nativeInstance();
		}
		catch (RuntimeException | LinkageError ex) {
			return LZ4Factory.safeInstance();
		}
	}

	/** Which implementation runs, for the startup log. */
	static String implementation() {
		return LZ4.toString();
	}

	/**
	 * Compresses block after block through one buffer, so that each block costs one array
	 * of its compressed size. One thread at a time.
	 */
	static final class Compressing {

		private byte[] buffer = new byte[0];

		byte[] compress(byte[] data, int length) {
			int most = COMPRESSOR.maxCompressedLength(length);
			if (this.buffer.length < most) {
				this.buffer = new byte[most];
			}
			int compressed = COMPRESSOR.compress(data, 0, length, this.buffer, 0, this.buffer.length);
			return Arrays.copyOf(this.buffer, compressed);
		}

	}

	/**
	 * The block's bytes.
	 * @param maxLength what the caller ever compresses at most: a block claiming more is
	 * corrupt, and is refused rather than allocated
	 */
	static byte[] decompress(byte[] block, int maxLength) {
		return new LZ4DecompressorWithLength(LZ4.safeDecompressor(), maxLength).decompress(block);
	}

}

package fr.atlas.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends the same request from several threads released together, as a double click, two
 * tabs or two colleagues do: each call's result in order, or the first failure.
 */
public final class AtOnce {

	private AtOnce() {
	}

	/**
	 * Runs {@code call} {@code times} times at once and waits (30 s at most) for each.
	 */
	public static <T> List<T> run(int times, Callable<T> call) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(times);
		try {
			List<Future<T>> calls = new ArrayList<>();
			for (int i = 0; i < times; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> result : calls) {
				results.add(result.get(30, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
